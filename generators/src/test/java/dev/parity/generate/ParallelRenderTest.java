package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A stack large enough to render its generators in parallel renders exactly what they render one by one. */
class ParallelRenderTest {

  private static GenerationContext large() {
    Stack.Builder stack = Stack.named("large");
    for (int i = 0; i < 70; i++) {
      stack.service(Redis.of("cache-" + i, "7.2.3").hostPort(20000 + i));
    }
    stack.environment(Environment.local());
    stack.environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0"));
    stack.environment(Environment.remote("production").instances(2).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0"));
    GenerationContext context = Fixtures.context(stack.build());
    assertThat(context.stack().services().size() * context.stack().environments().size())
        .isGreaterThanOrEqualTo(DeployTree.PARALLEL_FROM);
    return context;
  }

  private static Generator generator(String name, long millis, String fails, String... paths) {
    return new Generator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (fails != null) {
          throw new ParityException(ErrorCode.TEMPLATE, fails);
        }
        return java.util.Arrays.stream(paths).map(p -> GeneratedFile.of(p, name + "\n")).toList();
      }
    };
  }

  @Test
  void theTreeIsWhatEachGeneratorRendersOnItsOwn() {
    GenerationContext context = large();
    Map<String, String> oneByOne = new LinkedHashMap<>();
    for (Generator generator : BuiltInGenerators.all()) {
      DeployTree.render(context, List.of(generator)).files().stream()
          .filter(f -> !f.path().equals(DeployTree.MANIFEST)).forEach(f -> oneByOne.put(f.path(), f.content()));
    }

    DeployTree tree = DeployTree.render(context, BuiltInGenerators.all());

    Map<String, String> together = new LinkedHashMap<>();
    tree.files().stream().filter(f -> !f.path().equals(DeployTree.MANIFEST)).forEach(f -> together.put(f.path(), f.content()));
    assertThat(together).hasSizeGreaterThan(5).isEqualTo(oneByOne);
    assertThat(DeployTree.render(context, BuiltInGenerators.all()).files()).isEqualTo(tree.files());
  }

  /** Two generators that each wait for the other finish only when two threads run them at once. */
  @Test
  void twoGeneratorsRunOnTwoThreadsAtOnceOnAMachineWithMoreThanOneCore() {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs more than one core");
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Generator> generators = new ArrayList<>();
    for (String name : List.of("left", "right")) {
      generators.add(new Generator() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public List<GeneratedFile> generate(GenerationContext context) {
          threads.add(Thread.currentThread().getName());
          try {
            bothRunning.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("generator " + name + " ran while the other did not: " + e);
          }
          return List.of(GeneratedFile.of(name + ".txt", name + "\n"));
        }
      });
    }

    DeployTree tree = DeployTree.render(large(), generators);

    assertThat(threads).hasSize(2);
    assertThat(tree.files()).extracting(GeneratedFile::path).containsExactly("left.txt", "right.txt", DeployTree.MANIFEST);
  }

  @Test
  void theFirstFailingGeneratorInOrderIsReportedEvenWhenALaterOneFailsSooner() {
    List<Generator> generators = new ArrayList<>(List.of(generator("a", 0, null, "a.txt"),
        generator("b", 200, "generator b failed"), generator("c", 0, "generator c failed")));

    assertThatThrownBy(() -> DeployTree.render(large(), generators)).isInstanceOf(ParityException.class)
        .hasMessage("generator b failed");
  }

  @Test
  void twoGeneratorsWritingOnePathAreRefusedAsWhenRunInOrder() {
    List<Generator> generators = List.of(generator("first", 100, null, "x.txt"), generator("second", 0, null, "x.txt"));

    assertThatThrownBy(() -> DeployTree.render(large(), generators)).isInstanceOf(ParityException.class)
        .hasMessage("generators 'first' and 'second' both write 'x.txt'; remove one of them");
  }
}
