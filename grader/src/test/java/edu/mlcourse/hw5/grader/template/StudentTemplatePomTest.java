package edu.mlcourse.hw5.grader.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * the versions it needs; they must stay those the parent pom pins.
 */
class StudentTemplatePomTest {
    private static final List<String> SHARED = List.of("junit.version", "compiler-plugin.version",
            "surefire-plugin.version", "resources-plugin.version", "jar-plugin.version", "install-plugin.version",
            "clean-plugin.version", "exec-plugin.version");

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
