package app.confio.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ldd's lines as the image build reads them: a resolved library, the loader, and the rest. */
class JavaRuntimeTest {

  @Test
  void lddLinesNameTheLibrariesToCopy() {
    var lines =
        List.of(
            "\tlinux-vdso.so.1 (0x00007ffd5a1f2000)",
            "\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f2a3c8a0000)",
            "\tlibjvm.so => not found",
            "\t/lib64/ld-linux-x86-64.so.2 (0x00007f2a3c8e4000)",
            "\tstatically linked");
    assertEquals(
        List.of(
            Optional.empty(),
            Optional.of(Path.of("/lib/x86_64-linux-gnu/libz.so.1")),
            Optional.empty(),
            Optional.of(Path.of("/lib64/ld-linux-x86-64.so.2")),
            Optional.empty()),
        lines.stream().map(JavaRuntime::library).toList());
  }
}
