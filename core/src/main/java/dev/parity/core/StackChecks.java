package dev.parity.core;

/** Checks the stack itself: its name, and that it declares services and environments. */
final class StackChecks {

  private final ValidationContext context;

  StackChecks(ValidationContext context) {
    this.context = context;
  }

  void check() {
    Stack stack = context.stack();
    String name = stack.name();
    String element = "stack '" + name + "'";
    context.checkName(element, "name", name, "Stack.named(\"" + ValidationContext.suggestName(name, "shop") + "\")");
    if (stack.services().isEmpty()) {
      context.problem(element, "declares no service",
          "add one, e.g. .service(App.node(\"web\", \"node:20.11.0-alpine3.19\"))");
    }
    if (stack.environments().isEmpty()) {
      context.problem(element, "declares no environment",
          "add .environment(Environment.local()) and .environment(Environment.remote(\"staging\")…)");
    }
  }
}
