package dev.parity.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The real {@code parity} command line in a child JVM, its output read line by line as it comes. */
final class ChildCli implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildCli(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "child-output");
    reader.start();
  }

  /** Starts {@code parity args...}; stdout and stderr together. */
  static ChildCli start(Path folder, String... args) throws IOException {
    return start(folder, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with {@code environment} added to the child's environment. */
  static ChildCli start(Path folder, java.util.Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ParityCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ChildCli(builder.start());
  }

  long pid() {
    return process.pid();
  }

  /** Waits (at most {@code seconds}) for a line that matches; returns it. */
  String awaitLine(Predicate<String> match, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (match.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no such line in " + seconds + " s; the output was:\n" + String.join("\n", lines));
  }

  /** Sends a real signal: {@code INT} (what Ctrl-C sends), {@code TERM} or {@code KILL}. */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  /** Waits for the exit; returns its status. */
  int await(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("still running after " + seconds + " s; output:\n" + String.join("\n", lines));
    }
    reader.join(10_000);
    return process.exitValue();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
