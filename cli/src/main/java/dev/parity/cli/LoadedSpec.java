package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
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

  /** The app an {@code --app NAME} option names; a usage error naming the stack's apps when there is none. */
  public App app(String name) {
    return stack.apps().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> new ParityException(
        ErrorCode.USAGE, "--app: stack '" + stack.name() + "' has no app '" + name + "'; " + (stack.apps().isEmpty()
            ? "it has no apps, so every config key goes to one env file: drop --app"
            : "its apps: " + String.join(", ", stack.apps().stream().map(App::name).toList()))));
  }
}
