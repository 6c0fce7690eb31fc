package dev.parity.contract;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/** The constants of an enum, from its class file; empty for a class that is not an enum. */
final class EnumConstants {

  private EnumConstants() {
  }

  static List<String> of(byte[] classFile) {
    List<String> constants = new ArrayList<>();
    boolean[] isEnum = new boolean[1];
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        isEnum[0] = (access & Opcodes.ACC_ENUM) != 0;
      }

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_ENUM) != 0) {
          constants.add(name);
        }
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return isEnum[0] ? List.copyOf(constants) : List.of();
  }
}
