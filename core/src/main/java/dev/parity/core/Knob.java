package dev.parity.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A team's own per-environment setting, declared once ({@code variables.tf}) and set by each
 * remote environment ({@code <env>.tfvars}). Instance count, instance type, AMI, database
 * instance class and host name are built in; declare a knob for anything else.
 *
 * <pre>{@code
 * Knob.number("min_healthy_percent", "Share of tasks kept running during a deploy").defaultValue(50);
 * }</pre>
 */
public final class Knob {

  /** The Terraform type of a knob. */
  public enum Type {
    STRING("string"),
    NUMBER("number"),
    BOOL("bool");

    private final String terraform;

    Type(String terraform) {
      this.terraform = terraform;
    }

    /** The type as Terraform writes it. */
    public String terraform() {
      return terraform;
    }

    /** Whether {@code value} is of this type. */
    public boolean accepts(Object value) {
      return switch (this) {
        case STRING -> value instanceof String;
        case NUMBER -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigDecimal
            || (value instanceof Double d && Double.isFinite(d));
        case BOOL -> value instanceof Boolean;
      };
    }
  }

  private final String name;
  private final Type type;
  private final String description;
  private final Object defaultValue;

  private Knob(String name, Type type, String description, Object defaultValue) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.description = Objects.requireNonNull(description, "description");
    this.defaultValue = defaultValue;
  }

  /** A string knob. */
  public static Knob string(String name, String description) {
    return new Knob(name, Type.STRING, description, null);
  }

  /** A number knob. */
  public static Knob number(String name, String description) {
    return new Knob(name, Type.NUMBER, description, null);
  }

  /** A boolean knob. */
  public static Knob bool(String name, String description) {
    return new Knob(name, Type.BOOL, description, null);
  }

  /** The value environments that do not set the knob get. */
  public Knob defaultValue(Object value) {
    return new Knob(name, type, description, value);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public String description() {
    return description;
  }

  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  @Override
  public String toString() {
    return "Knob[" + name + ": " + type.terraform() + "]";
  }
}
