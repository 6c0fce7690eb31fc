package dev.parity.cli;

import dev.parity.core.Stack;
import java.nio.file.Path;

/**
 * A spec compiled and evaluated: the validated stack, the folder its relative paths start from,
 * and the name generated files cite.
 *
 * @param stack the validated stack
 * @param folder the folder the spec's relative paths start from
 * @param name how generated files name the spec, for example {@code ShopSpec.java}
 */
public record LoadedSpec(Stack stack, Path folder, String name) {
}
