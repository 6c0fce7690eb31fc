package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One {@code parity up} per stack and environment at a time: an OS file lock on
 * {@code .parity/<stack>.<env>.lock} beside the spec, held until the process ends (the OS releases
 * it even after {@code kill -9}). The file names its holder, so a second {@code up} can say which.
 */
final class UpLock implements AutoCloseable {

  private final FileChannel channel;

  private UpLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Takes the lock until {@link #close()} or the end of the process.
   *
   * @throws ParityException exit 2, naming the pid and start time of the {@code up} that holds it
   */
  static UpLock acquire(Path projectFolder, String stack, String environment) {
    Path folder = projectFolder.resolve(".parity");
    Path file = folder.resolve(stack + "." + environment + ".lock");
    try {
      Files.createDirectories(folder);
      if (!Files.exists(folder.resolve(".gitignore"))) {
        Files.writeString(folder.resolve(".gitignore"), "*\n");
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldHere) {
        lock = null;
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        channel.close();
        throw new ParityException(ErrorCode.USAGE, "stack '" + stack + "' (" + environment + ") is already being"
            + " started or run by another `parity up`: " + (holder.isEmpty() ? "its lock " + file : holder)
            + "; wait for it to finish, or stop it (Ctrl-C in its terminal, or `parity down`) and run up again");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new UpLock(channel);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot lock '" + file + "': " + e.getMessage(), e);
    }
  }

  /** Releases the lock; the file stays, naming the last holder. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the OS releases the lock with the process anyway
    }
  }
}
