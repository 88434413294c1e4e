package edu.mlcourse.hw5.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared mapper's number reading: what a model file or a vector holds is read to the bit. */
class JsonTest {
    @Test
    void readsEveryDoubleToTheSameBitsAsTheJdk() throws Exception {
        List<String> numbers = new ArrayList<>(List.of("0.1", "-0.0", "1e-320", "4.9e-324", "2.2250738585072011e-308",
                "1.7976931348623157e308", "0.30000000000000004", "123456789012345678901234567890", "9007199254740993",
                "1.00000000000000011102230246251565404236316680908203125", "7.038531e-26", "-3.4028235e38"));
        SplittableRandom random = new SplittableRandom(24);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                numbers.add(Double.toString(value));
            }
            float single = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(single)) {
                numbers.add(Float.toString(single));  // what a float32 model's weights look like
            }
            numbers.add(String.format("%.17g", random.nextDouble(-10, 10)));
        }
        JsonNode read = Json.mapper().readTree("[" + String.join(",", numbers) + "]");
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(number)),
                    Double.doubleToRawLongBits(read.get(i).asDouble()), number);
        }
    }
}
