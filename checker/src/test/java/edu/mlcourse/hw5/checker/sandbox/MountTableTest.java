package edu.mlcourse.hw5.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountTableTest {
    @Test
    void writesOneFstabLinePerMountWithWhiteSpaceInPathsInOctal() {
        String text = new MountTable().tmpfs("hw5-tmp", Path.of("/r/tmp"), "mode=1777,size=16m")
                .bind(Path.of("/tmp/my scratch/a\tb"), Path.of("/r/tmp/my scratch/a\tb"), "bind,ro").text();
        assertEquals("hw5-tmp /r/tmp tmpfs mode=1777,size=16m 0 0\n"
                + "/tmp/my\\040scratch/a\\011b /r/tmp/my\\040scratch/a\\011b none bind,ro 0 0\n", text);
    }

    @Test
    void escapesBackslashesAndNewlinesSoNoFieldCanStartAnotherLine() {
        assertEquals("a\\134b\\012c", MountTable.escape("a\\b\nc"));
    }
}
