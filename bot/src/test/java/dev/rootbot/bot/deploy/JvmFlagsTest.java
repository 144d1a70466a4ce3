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

/**
 * The launcher and the image run the bot with the same container-aware JVM flags; the launcher records a class
 * archive at a jar's first run, maps it after, and drops the archives of earlier builds.
 */
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

  @Test
  void the_launcher_records_a_jars_class_archive_once_maps_it_after_and_drops_older_ones(
      @org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
    Files.copy(ROOT.resolve("rootbot"), copy.resolve("rootbot"));
    copy.resolve("rootbot").toFile().setExecutable(true);
    Path target = Files.createDirectories(copy.resolve("bot/target"));
    Files.writeString(target.resolve("rootbot.jar"), "not really a jar");
    Path older = Files.writeString(target.resolve("rootbot-1-2.jsa"), "an archive of an earlier build");
    Path bin = Files.createDirectories(copy.resolve("bin"));
    Path java = bin.resolve("java"); // prints its arguments, one a line, instead of running anything
    Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
    java.toFile().setExecutable(true);

    List<String> first = launch(copy, bin);
    String archive = first.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow()
        .substring("-XX:ArchiveClassesAtExit=".length());
    assertThat(Path.of(archive).getParent()).isEqualTo(target);
    assertThat(older).doesNotExist();
    Files.writeString(Path.of(archive), "the archive the first run recorded");

    List<String> second = launch(copy, bin);

    assertThat(second).contains("-XX:SharedArchiveFile=" + archive).noneMatch(a -> a.startsWith("-XX:ArchiveClasses"));
    assertThat(Path.of(archive)).exists();
    assertThat(second.subList(second.indexOf("-jar"), second.size()))
        .containsExactly("-jar", target.resolve("rootbot.jar").toString(), "serve");
  }

  private static List<String> launch(Path copy, Path bin) throws Exception {
    var launcher = new ProcessBuilder(copy.resolve("rootbot").toString(), "serve").redirectErrorStream(true);
    launcher.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    launcher.environment().remove("ROOTBOT_JAVA_OPTS");
    Process process = launcher.start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out.lines().toList();
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
