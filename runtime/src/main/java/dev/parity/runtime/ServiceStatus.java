package dev.parity.runtime;

/**
 * What {@code parity status} shows of one container of a stack.
 *
 * @param service the service it runs
 * @param environment the environment it belongs to
 * @param image the image it runs
 * @param state Docker's state: {@code running}, {@code exited}, …
 * @param ports the published ports as Docker prints them, for example {@code 127.0.0.1:5432->5432/tcp}
 */
public record ServiceStatus(String service, String environment, String image, String state, String ports) {
}
