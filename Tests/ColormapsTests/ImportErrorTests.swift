import Foundation
import Testing
import HeatGridCore
@testable import Colormaps

/// A bad file, where the error must point, and what it must say.
struct BadColormapFile: Sendable, CustomTestStringConvertible {
    let format: ColormapFile.Format
    let text: String
    let line: Int?
    let column: Int?
    let message: String

    init(_ format: ColormapFile.Format, _ text: String, _ line: Int?, _ column: Int?, _ message: String) {
        self.format = format; self.text = text; self.line = line; self.column = column; self.message = message
    }

    var testDescription: String { "\(format) \(text.debugDescription.prefix(40))" }
}

@Suite struct ImportErrorTests {
    static let tables: [BadColormapFile] = [
        .init(.rgbTable, "", nil, nil, "the file is empty"),
        .init(.rgbTable, "  \n\t\n", nil, nil, "the file is empty"),
        .init(.rgbTable, "# only a comment\n", nil, nil, "a colormap needs at least 2 colours, found 0"),
        .init(.rgbTable, "r,g,b\n0,0,0\n", 2, 1, "a colormap needs at least 2 colours, found 1"),
        .init(.rgbTable, "0,0,0\n0,abc,0\n", 2, 3, "expected a number in 0...1 or 0...255 for green, found 'abc'"),
        .init(.rgbTable, "0,0,0\n0,0,300\n", 2, 5, "for blue, found '300'"),
        .init(.rgbTable, "0 0 0\n0 0 -1\n", 2, 5, "for blue, found '-1'"),
        .init(.rgbTable, "0,0,0\n0,0,nan\n", 2, 5, "for blue, found 'nan'"),
        .init(.rgbTable, "0,0,0\n0,0,0x1p3\n", 2, 5, "for blue, found '0x1p3'"),
        .init(.rgbTable, "0,0,0\n0,0\n", 2, 4, "expected a number for blue, found the end of the line"),
        .init(.rgbTable, "0,0,0\n0,0,0,0,0\n", 2, 9, "expected 3 or 4 values (red, green, blue[, alpha]), found 5"),
        .init(.rgbTable, "0,0,0\n0,,0\n", 2, 3, "found an empty field"),
        .init(.rgbTable, "0,0,0\n0,0,0,\n", 2, 6, "after the last separator"),
        .init(.rgbTable, "0,0,0,1\n0,0,0\n", 2, 5, "expected 4 values like the first colour row, found 3"),
        .init(.rgbTable, "r,g,b\n0,0,0\nr,g,b\n1,1,1\n", 3, 1, "for red, found 'r'"),
        .init(.rgbTable, "red,green,blue\n0,0,0\n1,x,1\n", 3, 3, "for green, found 'x'"),
    ]

    static let json: [BadColormapFile] = [
        .init(.json, "", nil, nil, "the file is empty"),
        .init(.json, ##"["#000"]"##, 1, 1, "a colormap needs at least 2 colours, found 1"),
        .init(.json, ##"["#000", "#zzz"]"##, 1, 10, ##"expected a hex colour like "#21918c" for a colour, found the string "#zzz""##),
        .init(.json, "[\"#000\",\n  12]", 2, 3, "for a colour, found a number"),
        .init(.json, ##"["#000", "000000"]"##, 1, 10, ##"found the string "000000""##),
        .init(.json, ##"{"colors": ["#000", "#fff"], "colours": []}"##, 1, 30,
              ##"unknown key "colours"; expected one of name, colors, under, over, bad"##),
        .init(.json, ##"{"colors": ["#000", "#fff"], "colors": ["#000", "#fff"]}"##, 1, 30, "appears twice"),
        .init(.json, ##"{"name": "x"}"##, 1, 1, ##"expected a "colors" list"##),
        .init(.json, ##"{"name": 3, "colors": ["#000", "#fff"]}"##, 1, 10, ##"expected a string for "name", found a number"##),
        .init(.json, "{\"colors\": [\"#000\", \"#fff\"],\n \"bad\": 3}", 2, 9, ##"for "bad", found a number"##),
        .init(.json, ##"{"colors": "#000"}"##, 1, 12, ##"expected a list of hex colours for "colors""##),
        .init(.json, "42", 1, 1, "expected a list of hex colours or an object"),
        .init(.json, ##"["#000", "#fff""##, 1, 16, "expected ',' or ']' after an array element, found the end of the file"),
        .init(.json, ##"["#000" "#fff"]"##, 1, 9, "expected ',' or ']' after an array element, found '\"'"),
        .init(.json, ##"["#000", "#fff"] x"##, 1, 18, "expected the end of the file after the JSON value, found 'x'"),
        .init(.json, "[\"#000\", \"#ff\n\"]", 1, 14, "expected a closing '\"' before the end of the line"),
        .init(.json, ##"["#000", tru]"##, 1, 10, "expected a JSON value, found 'tru'"),
        .init(.json, ##"["#000", 01]"##, 1, 10, "malformed number '01'"),
        .init(.json, ##"["#000", -]"##, 1, 10, "malformed number '-'"),
        .init(.json, ##"["#000", "\q"]"##, 1, 12, "unknown escape"),
        // Columns count characters: the two-byte é is one column.
        .init(.json, ##"{"name": "é", "colors": ["#000", 7]}"##, 1, 34, "for a colour, found a number"),
        .init(.json, "[\"#000\", \"é\", \"#zz\"]", 1, 10, ##"found the string "é""##),
    ]

    static let palettes: [BadColormapFile] = [
        .init(.cpt, "", nil, nil, "the file is empty"),
        .init(.cpt, "# only comments\n#\n", nil, nil, "no colour slices found"),
        .init(.cpt, "B black\nF white\n", nil, nil, "no colour slices found"),
        .init(.cpt, "0 0 0 0 1 255 abc 255\n", 1, 15, "expected a number 0...255 for green, found 'abc'"),
        .init(.cpt, "0 0/0/0 0.7 255/0/0\n0.5 255/0/0 1 255/255/255\n", 2, 1, "z values must increase: 0.5 after 0.7"),
        .init(.cpt, "0.7 0/0/0 0.5 255/0/0\n", 1, 11, "z values must increase: 0.5 after 0.7"),
        .init(.cpt, "0 red 0 blue\n", 1, 7, "z values must increase: 0 after 0"),
        .init(.cpt, "0 red 1 red\n", 1, 1, "a colormap needs at least 2 colours, found 1"),
        .init(.cpt, "0 red\n", 1, 1, "a colormap needs at least 2 colours, found 1"),
        .init(.cpt, "0 255/0 1 red\n", 1, 3, "expected r/g/b (0...255) or c/m/y/k (0...100), found '255/0'"),
        .init(.cpt, "0 255/300/0 1 red\n", 1, 7, "expected a number 0...255 for green, found '300'"),
        .init(.cpt, "0 255//0 1 red\n", 1, 7, "expected a number 0...255 for green, found nothing"),
        .init(.cpt, "0 400-1-1 1 0-1-1\n", 1, 3, "expected a number 0...360 for hue, found '400'"),
        .init(.cpt, "0 0-2-1 1 red\n", 1, 5, "expected a number 0...1 for saturation, found '2'"),
        .init(.cpt, "0 0-1 1 red\n", 1, 3, "expected h-s-v"),
        .init(.cpt, "0 chartreuse 1 red\n", 1, 3, "found 'chartreuse'"),
        .init(.cpt, "0 gray101 1 red\n", 1, 3, "found 'gray101'"),
        .init(.cpt, "0 300 1 red\n", 1, 3, "expected a gray level 0...255, found '300'"),
        .init(.cpt, "0 #12345 1 red\n", 1, 3, "expected a colour like #rrggbb, found '#12345'"),
        .init(.cpt, "0 red@150 1 red\n", 1, 7, "expected a transparency 0...100 after '@', found '150'"),
        .init(.cpt, "0 red 1\n", 1, 7, "found 3 fields"),
        .init(.cpt, "0 0 0 0 1 255 255\n", 1, 15, "found 7 fields"),
        .init(.cpt, "0 0 0 0 1 255 255 255 9 9\n", 1, 23, "found 10 fields"),
        .init(.cpt, "x red 1 blue\n", 1, 1, "expected a number for z0, found 'x'"),
        .init(.cpt, "0 red y blue\n", 1, 7, "expected a number for z1, found 'y'"),
        .init(.cpt, "1e999 red 2 blue\n", 1, 1, "expected a number for z0, found '1e999'"),
        .init(.cpt, "-1e308 red 0 blue\n0 blue 1e308 red\n", 2, 1, "span more than a Double can hold"),
        .init(.cpt, "# COLOR_MODEL = CMYK\n0 red 1 blue\n", 1, 17, "CMYK palettes are not supported"),
        .init(.cpt, "COLOR_MODEL = LAB\n0 red 1 blue\n", 1, 15, "expected COLOR_MODEL = RGB or HSV, found 'LAB'"),
        .init(.cpt, "# COLOR_MODEL = HSV\n0 0 1 1 1 400 1 1\n", 2, 11, "expected a number 0...360 for hue, found '400'"),
        .init(.cpt, "# COLOR_MODEL = HSV\n0 0 1 1 1 0 1 2\n", 2, 15, "expected a number 0...1 for value, found '2'"),
        .init(.cpt, "B\n0 red 1 blue\n", 1, 2, "expected one colour after 'B'"),
        .init(.cpt, "0 red 1 blue\nF 1 2\n", 2, 3, "expected one colour after 'F'"),
        .init(.cpt, "0 red 1 blue\nN 1 2 3 4\n", 2, 9, "expected one colour after 'N'"),
        .init(.cpt, "0 red\n1 0 0 0 2 0 0 0\n", 2, 1, "expected 'key colour' like line 1"),
        .init(.cpt, "0 red 1 blue\n2 green\n", 2, 1, "like line 1, found a 'key colour' line"),
    ]

    @Test(arguments: tables + json + palettes)
    func reportsWhereAndWhat(_ bad: BadColormapFile) {
        expectDataError(file: displayPath(for: bad.format), line: bad.line, column: bad.column, bad.message) {
            _ = try importColormap(bad.text, bad.format)
        }
    }

    @Test func errorsReadLikeCompilerDiagnostics() {
        #expect {
            try importColormap("0 0/0/0 0.7 255/0/0\n0.5 255/0/0 1 255/255/255\n", .cpt)
        } throws: { "\($0)" == "test.cpt:2:1: z values must increase: 0.5 after 0.7" }
    }

    @Test func deepJSONNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        expectDataError(file: "test.json", line: 1, column: 257, "nested more than 256 levels") {
            _ = try importColormap(text, .json)
        }
    }

    /// Mangled versions of good files either parse or throw a `HeatGridError`: nothing traps.
    @Test func mangledFilesNeverCrash() {
        let seeds: [(ColormapFile.Format, String)] = [
            (.cpt, "# COLOR_MODEL = HSV\n0 0-1-1 0.5 120 1 1 L ; a\n0.5 red@20 1 #00ff00\nB 0/0/0\nF gray50\nN -\n"),
            (.cpt, "0\t1/25/89\n1\t250/204/250\n2\t130/130/49\n"),
            (.rgbTable, "r,g,b,a\n0,0.5,1,1\n255,128,0,255\n# c\n\n1;2;3\n"),
            (.json, ##"{"name": "x", "colors": ["#440154", "#21918c", "#fde725"], "under": "#000", "bad": "#ccc8"}"##),
        ]
        let alphabet = Array("0123456789 -+./#@;,\t\n\r[]{}\":eE,abcdefBFNLU\u{0}é".utf8) + [0xFF, 0x80]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var parsed = 0, rejected = 0
        for round in 0..<4_000 {
            let (format, seed) = seeds[round % seeds.count]
            var bytes = Array(seed.utf8)
            for _ in 0..<(1 + next(4)) {
                switch next(3) {
                case 0 where !bytes.isEmpty: bytes[next(bytes.count)] = alphabet[next(alphabet.count)]
                case 1: bytes.insert(alphabet[next(alphabet.count)], at: next(bytes.count + 1))
                default: if !bytes.isEmpty { bytes.remove(at: next(bytes.count)) }
                }
            }
            do {
                let colormap = try ColormapFile.parse(bytes, format: format, displayPath: "fuzz", name: "fuzz")
                #expect(colormap.resolution >= 2)
                parsed += 1
            } catch is HeatGridError {
                rejected += 1
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
        #expect(parsed > 0 && rejected > 0)
    }
}
