package dev.rootbot.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher and the image run the bot with the same container-aware JVM flags. */
class JvmFlagsTest {
  private static final Path ROOT = root();

  @Test
  void the_launcher_and_the_image_use_the_same_container_aware_flags() throws IOException {
    List<String> launcher = launcherFlags();
    List<String> image = imageFlags();

    assertThat(launcher).isEqualTo(image);
    assertThat(image).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
        .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
        .noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-XX:MaxRAM="));
  }

  /** The words of {@code defaults=…} and {@code defaults+=…} in ./rootbot. */
  private static List<String> launcherFlags() throws IOException {
    List<String> flags = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^defaults\\+?=\"([^\"]*)\"").matcher(Files.readString(ROOT.resolve("rootbot")));
    while (m.find()) {
      flags.addAll(Arrays.asList(m.group(1).trim().split("\\s+")));
    }
    return flags;
  }

  /** The JSON array of the Dockerfile's ENTRYPOINT between "java" and "-jar". */
  private static List<String> imageFlags() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile")).replace("\\\n", " ");
    Matcher m = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]").matcher(dockerfile);
    assertThat(m.find()).isTrue();
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
    while (word.find()) {
      words.add(word.group(1));
    }
    return words.subList(1, words.indexOf("-jar"));
  }

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("rootbot")) && Files.isDirectory(dir.resolve("deploy"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run from inside the repository");
  }
}
