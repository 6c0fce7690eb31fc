package dev.parity.contract;

import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import dev.parity.core.RelaxedNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads MicroProfile Config properties from compiled classes: {@code @ConfigProperty(name, defaultValue)}
 * on fields and on constructor or method parameters (a field without a name is
 * {@code <class>.<field>}, as the specification says), and Quarkus {@code @ConfigMapping(prefix)}
 * interfaces, whose methods are properties named in kebab case ({@code poolSize} is
 * {@code pool-size}, or {@code @WithName}) with {@code @WithDefault}. A method returning another
 * interface of the app is a nested group, as SmallRye Config maps it: its methods are properties
 * under the method's name ({@code shop.pool.max-size}).
 */
final class MicroProfileReader {

  static final List<String> MICROPROFILE_NAMESPACES = List.of("QUARKUS_", "MP_", "JAVA_", "JDK_", "JAVA_TOOL_OPTIONS");
  private static final String CONFIG_PROPERTY = "Lorg/eclipse/microprofile/config/inject/ConfigProperty;";
  private static final String CONFIG_MAPPING = "Lio/smallrye/config/ConfigMapping;";
  private static final String WITH_DEFAULT = "Lio/smallrye/config/WithDefault;";
  private static final String WITH_NAME = "Lio/smallrye/config/WithName;";
  private static final List<String> OPTIONAL = List.of("java.util.Optional", "java.util.OptionalInt",
      "java.util.OptionalLong", "java.util.OptionalDouble", "jakarta.inject.Provider", "javax.inject.Provider");

  private MicroProfileReader() {
  }

  static AppContract read(ClassPathEntries entries, String source) {
    Map<String, ContractProperty> properties = new LinkedHashMap<>();
    Map<String, MappingInterface> interfaces = new LinkedHashMap<>();
    entries.classes().values().forEach(bytes -> new ClassReader(bytes).accept(new Visitor(entries, properties, interfaces),
        ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES));
    interfaces.values().stream().filter(i -> i.prefix != null)
        .forEach(root -> addMapping(entries, interfaces, root, root.prefix, properties, 0));
    return new AppContract(Contract.Kind.MICROPROFILE, source, new ArrayList<>(properties.values()),
        MICROPROFILE_NAMESPACES);
  }

  private static ContractProperty property(ClassPathEntries entries, String name, Type type, String defaultValue) {
    String javaType = type.getClassName();
    List<String> constants = entries.enumConstants(javaType);
    boolean optional = OPTIONAL.contains(javaType);
    boolean collection = type.getSort() == Type.ARRAY || javaType.equals("java.util.List") || javaType.equals("java.util.Set");
    return new ContractProperty(name, RelaxedNames.microProfile(name), ContractType.ofJavaType(javaType, !constants.isEmpty()),
        javaType, Optional.ofNullable(defaultValue), defaultValue == null && !optional, constants, collection);
  }

  /** The properties of a mapping interface under {@code prefix}, nested groups included. */
  private static void addMapping(ClassPathEntries entries, Map<String, MappingInterface> interfaces,
      MappingInterface mapping, String prefix, Map<String, ContractProperty> properties, int depth) {
    for (MappingMethod method : mapping.methods) {
      String name = method.annotations.getOrDefault(WITH_NAME,
          method.name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
      String full = prefix.isEmpty() ? name : prefix + "." + name;
      MappingInterface group = interfaces.get(method.type.getClassName());
      if (group != null && depth < 16) {
        addMapping(entries, interfaces, group, full, properties, depth + 1);
      } else {
        properties.putIfAbsent(full, property(entries, full, method.type, method.annotations.get(WITH_DEFAULT)));
      }
    }
  }

  /** An interface's abstract no-argument methods, and its {@code @ConfigMapping} prefix if it is a root. */
  private static final class MappingInterface {
    final List<MappingMethod> methods = new ArrayList<>();
    String prefix;
  }

  private record MappingMethod(String name, Type type, Map<String, String> annotations) {
  }

  /** An annotation's string members, filled as ASM visits them. */
  private static final class Values extends AnnotationVisitor {
    final Map<String, String> values = new LinkedHashMap<>();
    private final Runnable end;

    Values(Runnable end) {
      super(Opcodes.ASM9);
      this.end = end;
    }

    @Override
    public void visit(String name, Object value) {
      values.put(name, String.valueOf(value));
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String n, Object value) {
          values.putIfAbsent(name, String.valueOf(value));
        }
      };
    }

    @Override
    public void visitEnd() {
      end.run();
    }
  }

  private static final class Visitor extends ClassVisitor {
    private final ClassPathEntries entries;
    private final Map<String, ContractProperty> properties;
    private final Map<String, MappingInterface> interfaces;
    private String className;
    private MappingInterface mapping;

    Visitor(ClassPathEntries entries, Map<String, ContractProperty> properties, Map<String, MappingInterface> interfaces) {
      super(Opcodes.ASM9);
      this.entries = entries;
      this.properties = properties;
      this.interfaces = interfaces;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] implemented) {
      className = name.replace('/', '.');
      if ((access & Opcodes.ACC_INTERFACE) != 0 && (access & Opcodes.ACC_ANNOTATION) == 0) {
        mapping = new MappingInterface();
        interfaces.put(className, mapping);
      }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      if (!descriptor.equals(CONFIG_MAPPING) || mapping == null) {
        return null;
      }
      Values[] holder = new Values[1];
      holder[0] = new Values(() -> mapping.prefix = holder[0].values.getOrDefault("prefix", ""));
      return holder[0];
    }

    @Override
    public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
      return new FieldVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          if (!annotation.equals(CONFIG_PROPERTY)) {
            return null;
          }
          Values[] holder = new Values[1];
          holder[0] = new Values(() -> add(holder[0].values, className + "." + field, Type.getType(descriptor)));
          return holder[0];
        }
      };
    }

    @Override
    public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
      Type[] parameters = Type.getArgumentTypes(descriptor);
      boolean mapped = mapping != null && (access & Opcodes.ACC_ABSTRACT) != 0 && parameters.length == 0;
      Map<String, String> annotations = new LinkedHashMap<>();
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
          if (!annotation.equals(CONFIG_PROPERTY) || parameter >= parameters.length) {
            return null;
          }
          Values[] holder = new Values[1];
          holder[0] = new Values(() -> add(holder[0].values, null, parameters[parameter]));
          return holder[0];
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          if (!mapped || !(annotation.equals(WITH_DEFAULT) || annotation.equals(WITH_NAME))) {
            return null;
          }
          Values[] holder = new Values[1];
          holder[0] = new Values(() -> annotations.put(annotation, holder[0].values.get("value")));
          return holder[0];
        }

        @Override
        public void visitEnd() {
          if (mapped) {
            mapping.methods.add(new MappingMethod(method, Type.getReturnType(descriptor), annotations));
          }
        }
      };
    }

    private void add(Map<String, String> values, String fallbackName, Type type) {
      String name = values.getOrDefault("name", "");
      if (name.isEmpty()) {
        if (fallbackName == null) {
          return;
        }
        name = fallbackName;
      }
      String defaultValue = values.get("defaultValue");
      // The specification's marker for "no default": org.eclipse.microprofile.config.configproperty.unconfigureddvalue
      if (defaultValue != null && defaultValue.equals("org.eclipse.microprofile.config.configproperty.unconfigureddvalue")) {
        defaultValue = null;
      }
      properties.putIfAbsent(name, property(entries, name, type, defaultValue));
    }
  }
}
