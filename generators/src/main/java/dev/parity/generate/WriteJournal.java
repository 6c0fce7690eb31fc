package dev.parity.generate;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The write-ahead journal of one generation, kept in {@code <tree>/.parity-journal/} so that a
 * generation killed at any instant (power cut, {@code kill -9}) ends, at the next {@code generate}
 * or {@code check}, as either the previous tree or the new one, byte for byte.
 *
 * <p>The journal sits inside the tree so that every move is a rename on one file system, and holds
 * its own {@code .gitignore} ({@code *}) so that {@code git status} never shows it, not even after a
 * crash. A generation runs in three phases, as a database commits a transaction:
 * <ol>
 *   <li><b>stage</b>: every new file is written in full to {@code next/} and flushed to disk; the
 *       tree is not touched, so a crash here is rolled back by discarding the journal;</li>
 *   <li><b>commit</b>: the plan (one line per file: {@code create}, {@code replace} or {@code delete})
 *       is written to {@code plan.tmp}, flushed and renamed to {@code plan} — one atomic rename is the
 *       commit point;</li>
 *   <li><b>apply</b>: each old file is moved to {@code previous/} and its new content renamed into
 *       place; a crash from the commit on is rolled forward by the next run, which redoes the plan
 *       (every step can be redone). When a move fails in-process, a {@code rollback} mark is written
 *       first and the files are put back from {@code previous/}; a crash during that is rolled back
 *       by the next run.</li>
 * </ol>
 * Finally the journal is deleted, {@code plan} first: a journal without a plan holds nothing the
 * tree needs.
 */
final class WriteJournal {

  /** The journal's folder inside the tree; {@code check} and {@code generate} skip it. */
  static final String FOLDER = ".parity-journal";

  /**
   * Test-only fault injection: with the system property {@code parity.faultInjection.haltAtStep=N}
   * the JVM halts (as {@code kill -9} would stop it: no shutdown hooks, exit status 137) just before
   * step N of a generation. Steps are counted from 1 across the stage, commit, apply and clean-up.
   */
  static final String HALT_AT_STEP = "parity.faultInjection.haltAtStep";

  private static final String PLAN = "plan";
  private static final String ROLLBACK = "rollback";
  private static final String CREATED_ROOT = "created-root";

  private final Path root;
  private final Path journal;
  private final TreeWriter.Mover mover;
  private final int haltAt = Integer.getInteger(HALT_AT_STEP, 0);
  private int step;

  private WriteJournal(Path root, TreeWriter.Mover mover) {
    this.root = root;
    this.journal = root.resolve(FOLDER);
    this.mover = mover;
  }

  /** One planned change of the tree. */
  private record Entry(String action, String path) {
    static Entry parse(String line) {
      int space = line.indexOf(' ');
      return new Entry(line.substring(0, space), line.substring(space + 1));
    }

    @Override
    public String toString() {
      return action + " " + path;
    }
  }

  /**
   * Finishes what an interrupted generation left in {@code root}: rolls it forward when it had
   * committed, else back. Returns what was done, or empty when there was nothing to recover.
   *
   * @throws ParityException when the journal cannot be applied (the journal is then kept)
   */
  static Optional<String> recover(Path root) {
    Path journal = root.resolve(FOLDER);
    if (!Files.isDirectory(journal)) {
      return Optional.empty();
    }
    WriteJournal recovery = new WriteJournal(root, TreeWriter::atomicMove);
    try {
      List<Entry> plan = recovery.readPlan();
      String done;
      if (plan.isEmpty()) {
        done = "it had not committed, so the previous tree stays as it was";
      } else if (Files.exists(journal.resolve(ROLLBACK))) {
        recovery.rollBack(plan);
        done = "it had failed, so its roll-back to the previous tree was completed";
      } else {
        recovery.rollForward(plan);
        done = "it had committed, so its " + plan.size() + " change(s) were completed";
      }
      recovery.discard();
      return Optional.of("recovered an interrupted generation of '" + root + "': " + done);
    } catch (IOException | RuntimeException e) {
      throw new ParityException(ErrorCode.IO, "'" + root + "' holds an interrupted generation (" + journal
          + ") that could not be recovered: " + e + "; fix the cause (permissions, disk space) and rerun", e);
    }
  }

  /**
   * Applies {@code files} and {@code removals} to {@code root} through a journal; on failure the
   * previous tree is restored and the failure thrown.
   */
  static void commit(Path root, List<GeneratedFile> files, List<String> removals, TreeWriter.Mover mover) {
    new WriteJournal(root, mover).run(files, removals);
  }

  private void run(List<GeneratedFile> files, List<String> removals) {
    List<Entry> plan = new ArrayList<>();
    boolean committed = false;
    try {
      boolean createdRoot = !Files.isDirectory(root);
      step();
      Files.createDirectories(journal);
      Files.writeString(journal.resolve(".gitignore"), "*\n");
      if (createdRoot) {
        Files.createFile(journal.resolve(CREATED_ROOT));
      }
      for (GeneratedFile file : files) {
        step();
        Path staged = journal.resolve("next").resolve(file.path());
        Files.createDirectories(staged.getParent());
        writeDurably(staged, file.bytes());
        if (file.executable()) {
          TreeWriter.setExecutable(staged);
        }
        plan.add(new Entry(Files.exists(root.resolve(file.path())) ? "replace" : "create", file.path()));
      }
      removals.forEach(path -> plan.add(new Entry("delete", path)));
      step();
      Path tmp = journal.resolve(PLAN + ".tmp");
      writeDurably(tmp, (String.join("\n", plan.stream().map(Entry::toString).toList()) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, journal.resolve(PLAN), StandardCopyOption.ATOMIC_MOVE);
      syncFolder(journal);
      committed = true;
      for (Entry entry : plan) {
        apply(entry);
      }
      removeEmptyFolders(plan.stream().filter(e -> e.action().equals("delete")).toList());
      discard();
    } catch (IOException | RuntimeException e) {
      restore(committed, plan, e);
      throw new ParityException(ErrorCode.IO, "writing '" + root + "' failed: " + e
          + "; the previous files were restored", e);
    }
  }

  private void restore(boolean committed, List<Entry> plan, Exception failure) {
    try {
      if (committed) {
        Files.createFile(journal.resolve(ROLLBACK));
        syncFolder(journal);
        rollBack(plan);
      }
      discard();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Moves the old file aside (kept until the journal goes), then the new one into place. */
  private void apply(Entry entry) throws IOException {
    Path target = root.resolve(entry.path());
    Path previous = journal.resolve("previous").resolve(entry.path());
    if (Files.exists(target) && !entry.action().equals("create")) {
      step();
      Files.createDirectories(previous.getParent());
      mover.move(target, previous);
    }
    if (!entry.action().equals("delete")) {
      step();
      Files.createDirectories(target.getParent());
      mover.move(journal.resolve("next").resolve(entry.path()), target);
    }
  }

  /** Redoes a committed plan; every step is skipped when it was done before the crash. */
  private void rollForward(List<Entry> plan) throws IOException {
    for (Entry entry : plan) {
      Path target = root.resolve(entry.path());
      Path next = journal.resolve("next").resolve(entry.path());
      if (entry.action().equals("delete")) {
        Files.deleteIfExists(target);
      } else if (Files.exists(next)) {
        Files.createDirectories(target.getParent());
        TreeWriter.atomicMove(next, target);
      }
    }
    removeEmptyFolders(plan.stream().filter(e -> e.action().equals("delete")).toList());
  }

  /** Puts every file of the plan back as it was; can be repeated after a crash. */
  private void rollBack(List<Entry> plan) throws IOException {
    for (Entry entry : plan) {
      Path target = root.resolve(entry.path());
      Path previous = journal.resolve("previous").resolve(entry.path());
      if (entry.action().equals("create")) {
        if (!Files.exists(journal.resolve("next").resolve(entry.path()))) {
          Files.deleteIfExists(target);
        }
      } else if (Files.exists(previous)) {
        Files.createDirectories(target.getParent());
        TreeWriter.atomicMove(previous, target);
      }
    }
    removeEmptyFolders(plan.stream().filter(e -> e.action().equals("create")).toList());
  }

  private List<Entry> readPlan() throws IOException {
    Path plan = journal.resolve(PLAN);
    if (!Files.exists(plan)) {
      return List.of();
    }
    return Files.readAllLines(plan, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Entry::parse)
        .toList();
  }

  /** Deletes the journal, plan first; then the tree's folder if this generation created it and it stayed empty. */
  private void discard() throws IOException {
    step();
    Files.deleteIfExists(journal.resolve(PLAN));
    boolean createdRoot = Files.exists(journal.resolve(CREATED_ROOT));
    step();
    try (Stream<Path> walk = Files.walk(journal)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException alreadyGone) {
      // nothing left to delete
    }
    if (createdRoot) {
      try (Stream<Path> entries = Files.list(root)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(root);
        }
      }
    }
  }

  private void removeEmptyFolders(List<Entry> entries) throws IOException {
    for (Entry entry : entries) {
      Path dir = root.resolve(entry.path()).getParent();
      while (dir != null && !dir.equals(root) && Files.isDirectory(dir)) {
        try (Stream<Path> children = Files.list(dir)) {
          if (children.findAny().isPresent()) {
            break;
          }
        }
        Files.delete(dir);
        dir = dir.getParent();
      }
    }
  }

  private void step() {
    step++;
    if (step == haltAt) {
      Runtime.getRuntime().halt(137);
    }
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Flushes a folder's entries (the renames in it) to disk where the platform allows it. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // Windows cannot open a folder; its renames are durable through NTFS's own journal
    }
  }

  static boolean isJournal(String relativePath) {
    return relativePath.equals(FOLDER) || relativePath.startsWith(FOLDER + "/");
  }
}
