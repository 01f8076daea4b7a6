import Foundation
import Testing
import HeatGridCore
@testable import Colormaps

/// RGB tables (CSV, TSV, whitespace) and JSON hex lists.
@Suite struct ImportTableTests {
    @Test func csvInZeroToOneWithHeader() throws {
        let colormap = try importColormap("r,g,b\n0.267004,0.004874,0.329415\n0.5,0.25,1\n0.993248,0.906157,0.143936\n", .rgbTable)
        #expect(colormap.resolution == 3)
        #expect(colormap.colors[0] == RGBA(red: 0.267004, green: 0.004874, blue: 0.329415))
        #expect(colormap.colors[1] == RGBA(red: 0.5, green: 0.25, blue: 1))
        #expect(colormap.color(at: 1) == RGBA(red: 0.993248, green: 0.906157, blue: 0.143936))
        #expect(colormap.bad == nil)
    }

    @Test func whitespaceTableInZeroTo255WithoutHeader() throws {
        let colormap = try importColormap("  0   0   0\n255 128   0\n", .rgbTable)
        #expect(matches(colormap.colors[0], 0, 0, 0))
        #expect(matches(colormap.colors[1], 255, 128, 0))
    }

    /// One component above 1 anywhere makes the whole file 0...255, even rows that look 0...1.
    @Test func rangeIsDecidedForTheWholeFile() throws {
        let colormap = try importColormap("1 1 1\n0 0 200\n", .rgbTable)
        #expect(matches(colormap.colors[0], 1, 1, 1))
        #expect(matches(colormap.colors[1], 0, 0, 200))
    }

    @Test func tsvWithAlphaHeaderCommentsAndBlankLines() throws {
        let colormap = try importColormap("""
            # exported by hand
            red\tgreen\tblue\talpha

            0\t0\t1\t0.25
            # the other end
            1\t0\t0\t1
            """, .rgbTable)
        #expect(colormap.resolution == 2)
        #expect(colormap.colors[0] == RGBA(red: 0, green: 0, blue: 1, alpha: 0.25))
        #expect(colormap.colors[1] == RGBA(red: 1, green: 0, blue: 0, alpha: 1))
    }

    @Test func alphaIn0To255AndSemicolons() throws {
        let colormap = try importColormap("255;0;0;255\n0; 0; 255; 51\n", .rgbTable)
        #expect(matches(colormap.colors[0], 255, 0, 0, alpha: 255))
        #expect(matches(colormap.colors[1], 0, 0, 255, alpha: 51))
    }

    /// The layout of Scientific Colour Maps' batlow.txt: three floats per line, spaces.
    @Test func scientificColourMapsTextTable() throws {
        let colormap = try importColormap("""
            0.005193 0.098238 0.349842
            0.009065 0.104487 0.350933
            0.980824 0.797112 0.977046
            """, .rgbTable)
        #expect(colormap.resolution == 3)
        #expect(colormap.colors[2].blue == 0.977046)
    }

    @Test func crlfAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("r,g,b\r\n0,0,0\r\n1,1,1\r\n".utf8)
        let colormap = try ColormapFile.parse(bytes, format: .rgbTable, displayPath: "x.csv", name: "x")
        #expect(colormap.colors == [.black, .white])
    }

    @Test func jsonListOfHexColours() throws {
        let colormap = try importColormap(##"["#440154", "#21918c", "#fde725", "#fff", "#00000080"]"##, .json)
        #expect(colormap.resolution == 5)
        #expect(colormap.colors[0].hex == "#440154")
        #expect(colormap.colors[1].hex == "#21918c")
        #expect(colormap.colors[3] == .white)
        #expect(matches(colormap.colors[4], 0, 0, 0, alpha: 128))
        #expect(colormap.bad == nil)
        #expect(colormap.under == colormap.colors[0])
    }

    @Test func jsonObjectWithSpecialColours() throws {
        let colormap = try importColormap("""
            {
              "name": "Mine",
              "colors": ["#440154", "#fde725"],
              "under": "#000",
              "over": "#ffffff",
              "bad": "#cccccc80"
            }
            """, .json, name: "mine")
        #expect(colormap.name == "mine")
        #expect(colormap.colors.map(\.hex) == ["#440154", "#fde725"])
        #expect(colormap.under == .black)
        #expect(colormap.over == .white)
        #expect(colormap.bad?.hex == "#cccccc80")
    }

    @Test func reversedSwapsEndsAndKeepsBad() throws {
        let colormap = try importColormap("""
            0 red 1 red
            1 green 2 green
            2 blue 3 blue
            B black
            F white
            N 128
            """, .cpt, name: "rgb")
        let reversed = try #require(colormap.reversedColormap() as? ImportedColormap)
        #expect(reversed.name == "rgb_r")
        #expect(reversed.colors == colormap.colors.reversed())
        #expect(reversed.under == colormap.over && reversed.over == colormap.under)
        #expect(reversed.bad == colormap.bad)
        #expect((reversed.reversedColormap() as? ImportedColormap)?.colors == colormap.colors)

        // Without B/F the reversed ends are the reversed table's ends.
        let plain = try importColormap("0,0,0\n1,0,0\n", .rgbTable).reversedColormap()
        #expect(plain.under == RGBA(red: 1, green: 0, blue: 0))
        #expect(plain.over == RGBA.black)
    }
}
