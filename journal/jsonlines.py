"""Parse JSON and remember the line where each value starts, keyed by its JSON path.

The import reports problems as ``issues[0].articles[2].received (line 41)``; the standard
library's parser gives no positions, so this small recursive parser does, reusing the
standard library for strings and numbers so it accepts exactly what ``json`` accepts.
"""

import json
import re
from json.decoder import scanstring

NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
WHITESPACE = re.compile(r"[ \t\n\r]*")


class JSONWithLines:
    def __init__(self, text):
        self.text = text
        self.lines = {}

    def line_at(self, position):
        return self.text.count("\n", 0, position) + 1

    def parse(self):
        """The decoded value; raises ``json.JSONDecodeError`` like ``json.loads``."""
        value, end = self._value(self._skip(0), "$")
        end = self._skip(end)
        if end != len(self.text):
            raise json.JSONDecodeError("Extra data", self.text, end)
        return value

    def _skip(self, position):
        return WHITESPACE.match(self.text, position).end()

    def _value(self, position, path):
        self.lines[path] = self.line_at(position)
        char = self.text[position : position + 1]
        if char == "{":
            return self._object(position + 1, path)
        if char == "[":
            return self._array(position + 1, path)
        if char == '"':
            return scanstring(self.text, position + 1, True)
        for literal, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(literal, position):
                return value, position + len(literal)
        match = NUMBER.match(self.text, position)
        if match:
            return json.loads(match.group()), match.end()
        raise json.JSONDecodeError("Expecting value", self.text, position)

    def _object(self, position, path):
        result = {}
        position = self._skip(position)
        if self.text[position : position + 1] == "}":
            return result, position + 1
        while True:
            if self.text[position : position + 1] != '"':
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", self.text, position)
            key, position = scanstring(self.text, position + 1, True)
            position = self._skip(position)
            if self.text[position : position + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", self.text, position)
            value, position = self._value(self._skip(position + 1), f"{path}.{key}")
            result[key] = value
            position = self._skip(position)
            char = self.text[position : position + 1]
            if char == "}":
                return result, position + 1
            if char != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, position)
            position = self._skip(position + 1)

    def _array(self, position, path):
        result = []
        position = self._skip(position)
        if self.text[position : position + 1] == "]":
            return result, position + 1
        while True:
            value, position = self._value(self._skip(position), f"{path}[{len(result)}]")
            result.append(value)
            position = self._skip(position)
            char = self.text[position : position + 1]
            if char == "]":
                return result, position + 1
            if char != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, position)
            position = self._skip(position + 1)
