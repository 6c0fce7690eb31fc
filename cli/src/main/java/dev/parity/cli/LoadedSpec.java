package dev.parity.cli;

import dev.parity.core.Stack;
import java.nio.file.Path;

/**
 * A spec compiled and evaluated: the validated stack, the folder its relative paths start from,
 * and the name generated files cite.
 */
record LoadedSpec(Stack stack, Path folder, String name) {
}
