package edu.mlcourse.hw5.grader.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import edu.mlcourse.hw5.grader.Repository;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The student template is a stand-alone Maven project (it leaves the repository), so it repeats
 * the versions it needs; they must stay those the parent pom pins. Its modules keep Q1 free of Q2:
 * q1 comes first and depends on neither q2 nor DJL.
 */
class StudentTemplatePomTest {
    private static final List<String> SHARED = List.of("junit.version", "compiler-plugin.version",
            "surefire-plugin.version", "resources-plugin.version", "jar-plugin.version", "install-plugin.version",
            "clean-plugin.version", "exec-plugin.version", "djl.version", "pytorch.version", "pytorch-jni.version",
            "slf4j.version");

    @Test
    void theTemplatePinsTheParentsVersions() throws Exception {
        Document parent = parse(Repository.root().resolve("pom.xml"));
        Document template = parse(Repository.root().resolve("student-template/pom.xml"));
        for (String property : SHARED) {
            String pinned = property(parent, property);
            assertNotNull(pinned, property + " is pinned in the parent pom");
            assertEquals(pinned, property(template, property), property);
        }
        assertEquals(text(parent.getDocumentElement(), "version"), property(template, "hw5.version"));
    }

    @Test
    void q1IsBuiltFirstAndNeedsNeitherQ2NorDjl() throws Exception {
        Document template = parse(Repository.root().resolve("student-template/pom.xml"));
        var modules = template.getElementsByTagName("module");
        assertEquals(List.of("q1", "q2"), List.of(modules.item(0).getTextContent(), modules.item(1).getTextContent()));
        String q1 = java.nio.file.Files.readString(Repository.root().resolve("student-template/q1/pom.xml"));
        assertFalse(q1.contains("ai.djl") || q1.contains("hw5-student-q2"), "q1/pom.xml must not depend on DJL or q2");
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String property(Document pom, String name) {
        Element properties = (Element) pom.getElementsByTagName("properties").item(0);
        return properties.getElementsByTagName(name).getLength() == 0 ? null
                : properties.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static String text(Element parent, String child) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
