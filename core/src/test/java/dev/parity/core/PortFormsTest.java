package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 3, every port form compose accepts: a host port Docker picks, ranges, UDP, another loopback
 * address (IPv4 or IPv6) are valid; each mistake is one problem naming the port and the fix.
 */
class PortFormsTest {

  private static ShopFixture withMail(UnaryOperator<ServiceOptions> options) {
    return new ShopFixture().service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).options(options));
  }

  @Test
  void everyPortFormValidates() {
    Stack stack = withMail(o -> o.port(Port.publishedOnAnyPort(3000))
        .port(Port.published(9090, 8080).through(8081))
        .port(Port.published(5353, 53).udp())
        .port(Port.published(8443, 443).on("::1"))
        .port(Port.published(2283, 2283).on("127.0.0.2"))
        .port(Port.internal(7000).through(7001).udp())).build();
    Port range = stack.service("mail").orElseThrow().options().ports().get(1);
    assertThat(range.count()).isEqualTo(2);
    assertThat(range.lastContainerPort()).isEqualTo(8081);
    assertThat(range.hostIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void everyInterfaceIsRefused() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(1025, 1025).on("0.0.0.0"))),
        "service 'mail': port 1025 is published on 0.0.0.0, every interface of the developer's machine; Parity"
            + " publishes local ports on a loopback address only; fix: Port.published(1025, 1025).on(\"127.0.0.1\")"
            + " or .on(\"::1\")");
  }

  @Test
  void everyIpv6InterfaceIsRefused() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(1025, 1025).on("::"))),
        "service 'mail': port 1025 is published on ::, every interface of the developer's machine; Parity"
            + " publishes local ports on a loopback address only; fix: Port.published(1025, 1025).on(\"127.0.0.1\")"
            + " or .on(\"::1\")");
  }

  @Test
  void aHostNameIsNotAnAddress() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(1025, 1025).on("localhost"))),
        "service 'mail': port 1025 is published on 'localhost', which is not an IPv4 or IPv6 address;"
            + " fix: Port.published(1025, 1025).on(\"127.0.0.1\") or .on(\"::1\")");
  }

  @Test
  void aRangeEndingBelowItsFirstPortIsRefused() {
    assertOnlyProblem(withMail(o -> o.port(Port.internal(7000).through(6990))),
        "service 'mail': port range 7000-6990 ends below its first port; fix: declare .through(last) with a last"
            + " port of at least 7000");
  }

  @Test
  void aHostRangePastTheLastPortIsRefused() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(65535, 8080).through(8081))),
        "service 'mail': host port 65535-65536 is out of range; fix: use a port between 1 and 65535, or"
            + " Port.publishedOnAnyPort(8080) to let Docker pick one");
  }

  @Test
  void aRangeOverlappingTheMainPortIsNamedAtThatPort() {
    assertOnlyProblem(withMail(o -> o.port(Port.internal(8024).through(8026))),
        "service 'mail': declares container port 8025/tcp more than once; fix: remove it from the options: it is"
            + " the service's main port (publish that one with .hostPort(…))");
  }

  @Test
  void hostRangesClashPortByPortAcrossServices() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(9090, 8080).through(8082)))
            .service(ShopFixture.cache().options(o -> o.port(Port.published(9092, 16379)))),
        "services 'cache', 'mail': both publish host port 9092 in the local stack;"
            + " fix: give one of them another port, e.g. Port.published(9093, 8082) on 'mail'");
  }

  @Test
  void theSamePortOnAnotherLoopbackAddressDoesNotClash() {
    withMail(o -> o.port(Port.published(9090, 8080)))
        .service(ShopFixture.cache().options(o -> o.port(Port.published(9090, 16379).on("::1")))).build();
  }
}
