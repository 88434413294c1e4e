package edu.mlcourse.hw5.predictions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;

/**
 * {@code predictions.json}: a JSON array of labels, {@code [3, 1, 4, ...]}, as
 * {@code json.dump(preds.tolist(), f)} writes it. Whole numbers written as floats ({@code 3.0})
 * are accepted; anything after the array is refused.
 */
final class JsonPredictions {
    private static final String HOW = "json.dump(preds.tolist(), f)";

    private JsonPredictions() {
    }

    static int[] parse(String text, String name) {
        JsonNode root;
        try {
            // Exact decimals, so that 3.0000000000000001 is not rounded into a whole number.
            root = Json.mapper().reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(text);
        } catch (IOException e) {
            throw PredictionsText.malformed(name, name + " is not valid JSON: " + Json.describe(e) + ". Write the"
                    + " labels as a JSON array with " + HOW + ".");
        }
        if (root == null || root.isMissingNode()) {
            throw PredictionsText.malformed(name, name + " holds no JSON value. Write the labels with " + HOW + ".");
        }
        if (!root.isArray()) {
            String hint = root.isObject() && root.size() == 1 && root.elements().next().isArray()
                    ? " Put the array itself at the top level, without the surrounding object." : "";
            throw PredictionsText.malformed(name, name + " holds a JSON " + root.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT) + ", but it must be an array of labels like [3, 1, 4]." + hint
                    + " Write it with " + HOW + ".");
        }
        int[] labels = new int[root.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(root.get(i), "element " + i, name);
        }
        return labels;
    }

    private static int label(JsonNode node, String where, String name) {
        if (node.isNumber()) {
            return PredictionsText.wholeNumber(node.decimalValue(), node.asText(), where, name);
        }
        String what = node.isArray() ? "an array; write a flat list of labels, e.g. json.dump(preds.ravel().tolist(), f)"
                : node.isTextual() ? "the string " + node + "; write numbers without quotes"
                : "not a number (" + node + ")";
        throw PredictionsText.malformed(name, name + ", " + where + " is " + what + ". Labels are class numbers 0..9.");
    }
}
