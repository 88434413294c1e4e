"""The Python codec against the protocol's encoded messages (src/test/resources/protocol/messages.json),
which the Java codec is tested against too (ProtocolConformanceTest). Run from the worker module:
PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python
"""
import io
import json
import math
import os
import struct
import unittest

from hw5_worker import contract, protocol
from hw5_worker.protocol import Reader, Rejected, Returned, Threw, Unavailable

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "resources", "protocol", "messages.json")


def number(value):
    return float(value.replace("Infinity", "inf")) if isinstance(value, str) else float(value)


def array(value, rank):
    if value is None:
        return None
    if rank == contract.VECTOR:
        return [number(v) for v in value]
    return [None if row is None else [number(v) for v in row] for row in value]


def outcome(described, outputs):
    kind = described["outcome"]
    if kind == "RETURNED":
        values = None if described["outputs"] is None else [array(v, p.rank) for v, p in zip(described["outputs"], outputs)]
        return Returned(values, described["violations"])
    if kind == "THREW":
        return Threw(described["type"], described["message"], described["frames"], described["fatal"])
    if kind == "UNAVAILABLE":
        return Unavailable(described["reason"])
    return Rejected(described["reason"])


def bits(value):
    """Doubles compared by their bits, so that NaN equals NaN and -0.0 differs from 0.0."""
    if isinstance(value, float):
        return struct.pack(">d", value)
    if isinstance(value, list):
        return [bits(v) for v in value]
    if isinstance(value, Returned):
        return ("RETURNED", bits(value.outputs), value.violations)
    return value


class ConformanceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(FIXTURES, encoding="utf-8") as f:
            cls.fixtures = json.load(f)

    def test_the_fixtures_are_of_this_protocol_version(self):
        self.assertEqual(protocol.VERSION, self.fixtures["protocolVersion"])

    def test_every_message_encodes_to_its_bytes_and_decodes_back(self):
        for message in self.fixtures["messages"]:
            with self.subTest(message["name"]):
                encoded = bytes.fromhex(message["hex"])
                reader = Reader(io.BytesIO(encoded))
                kind = message["type"]
                if kind == "HELLO":
                    self.assertEqual(encoded, protocol.write_hello(message["version"], message["runtime"]))
                    self.assertEqual((message["version"], message["runtime"]), protocol.read_hello(reader))
                elif kind == "LOAD":
                    code = [(name, text.encode("utf-8")) for name, text in message["code"]]
                    self.assertEqual(encoded, protocol.write_load(code))
                    self.assertEqual(protocol.LOAD, reader.byte())
                    self.assertEqual(code, protocol.read_load_body(reader))
                elif kind == "LOADED":
                    failure = outcome(message["failure"], ()) if "failure" in message else None
                    self.assertEqual(encoded, protocol.write_loaded(message.get("problems"), failure, message["output"]))
                    self.assertEqual((message.get("problems"), failure, message["output"]),
                                     protocol.read_loaded(reader, contract.FUNCTIONS))
                elif kind == "CALL":
                    function = contract.FUNCTIONS[message["function"]]
                    calls = [[array(a, p.rank) for a, p in zip(call, function.params)] for call in message["calls"]]
                    self.assertEqual(encoded, protocol.write_call(function, calls))
                    self.assertEqual(protocol.CALL, reader.byte())
                    read_function, read_calls = protocol.read_call_body(reader, contract.FUNCTIONS)
                    self.assertEqual(function, read_function)
                    self.assertEqual(bits(calls), bits(read_calls))
                elif kind == "RESULTS":
                    function = contract.FUNCTIONS[message["function"]]
                    outcomes = [outcome(o, function.outputs) for o in message["outcomes"]]
                    self.assertEqual(encoded, protocol.write_results(function, outcomes, message["output"]))
                    read_outcomes, output = protocol.read_results(reader, function, len(outcomes))
                    self.assertEqual([bits(o) for o in outcomes], [bits(o) for o in read_outcomes])
                    self.assertEqual(message["output"], output)
                elif kind == "EVALUATE":
                    model, images = bytes.fromhex(message["model"]), bytes.fromhex(message["images"])
                    notebook = None if message["notebook"] is None else message["notebook"].encode("utf-8")
                    self.assertEqual(encoded, protocol.write_evaluate(message["modelName"], model, notebook, images,
                                                                      message["rows"], message["columns"]))
                    self.assertEqual(protocol.EVALUATE, reader.byte())
                    self.assertEqual((message["modelName"], model, notebook, images, message["rows"],
                                      message["columns"]), protocol.read_evaluate_body(reader))
                elif kind == "EVALUATED":
                    results = [tuple(r) for r in message.get("results", [])]
                    failure = outcome(message["failure"], ()) if "failure" in message else None
                    self.assertEqual(encoded, protocol.write_evaluated(message["notes"], results, failure,
                                                                       message["output"]))
                    self.assertEqual((message["notes"], results, failure, message["output"]),
                                     protocol.read_evaluated(reader))
                elif kind == "COMPLETE":
                    self.assertEqual(encoded, protocol.write_complete(message["index"]))
                    self.assertEqual(protocol.COMPLETE, reader.byte())
                    self.assertEqual(message["index"], protocol.read_complete_body(reader))
                elif kind == "LABELS":
                    self.assertEqual(encoded, protocol.write_labels(message["labels"], message["why"], message["output"]))
                    self.assertEqual((message["labels"], message["why"], message["output"]), protocol.read_labels(reader))
                elif kind == "EXIT":
                    self.assertEqual(bytes([protocol.EXIT]), encoded)
                    self.assertEqual(protocol.EXIT, reader.byte())
                else:
                    self.fail("unknown message type " + kind)
                self.assertEqual(b"", reader._stream.read(), "every byte is read")

    def test_a_truncated_message_is_an_error_not_a_hang(self):
        encoded = protocol.write_results(contract.FUNCTIONS[2], [Returned([[[1.0, 2.0]]])], "")
        with self.assertRaises(EOFError):
            protocol.read_results(Reader(io.BytesIO(encoded[:-3])), contract.FUNCTIONS[2], 1)

    def test_nan_travels_as_nan(self):
        encoded = protocol.write_call(contract.FUNCTIONS[2], [[[[math.nan]]]])
        reader = Reader(io.BytesIO(encoded))
        reader.byte()
        _, calls = protocol.read_call_body(reader, contract.FUNCTIONS)
        self.assertTrue(math.isnan(calls[0][0][0][0]))


if __name__ == "__main__":
    unittest.main()
