import Foundation
import Testing
import HeatGridCore
@testable import Colormaps

/// GMT .cpt files: continuous, discrete, categorical, HSV, B/F/N, and excerpts of real files.
@Suite struct ImportPaletteTests {
    @Test func continuousSlicesAreSampledLinearlyInRGB() throws {
        let colormap = try importColormap("""
            0    0 0 0      0.5  255 0 0
            0.5  255 0 0    1    255 255 255
            """, .cpt)
        #expect(colormap.resolution == 256)
        // t = 0.25 picks entry 64, sampled at z = 64.5 / 256, a fraction 0.50390625 into the
        // black-to-red slice; t = 0.75 picks entry 192, the same fraction into red-to-white.
        let f = (64.5 / 256) / 0.5
        #expect(matches(colormap.color(at: 0.25), 255 * f, 0, 0))
        #expect(matches(colormap.color(at: 0.75), 255, 255 * f, 255 * f))
        // The ends are half a step in from the slice ends.
        #expect(matches(colormap.color(at: 0), 255 * (0.5 / 256) / 0.5, 0, 0))
        #expect(matches(colormap.color(at: 1), 255, 255 * (1 - 0.5 / 256 / 0.5), 255 * (1 - 0.5 / 256 / 0.5)))
        // No B/F/N: under and over are the ends, bad is left to the theme.
        #expect(colormap.under == colormap.color(at: 0))
        #expect(colormap.over == colormap.color(at: 1))
        #expect(colormap.bad == nil)
    }

    @Test func unequalContinuousSlicesFollowZ() throws {
        // A quarter of the range goes black to white, the rest white back to black.
        let palette = try importColormap("""
            0  0 0 0        1  255 255 255
            1  255 255 255  4  0 0 0
            """, .cpt)
        let z = { (i: Int) in (Double(i) + 0.5) / 256 * 4 }
        // Entry 32 lies in the first slice, entry 160 in the second.
        #expect(matches(palette.colors[32], 255 * z(32), 255 * z(32), 255 * z(32), within: 1e-6))
        let back = 255 * (1 - (z(160) - 1) / 3)
        #expect(matches(palette.colors[160], back, back, back, within: 1e-6))
    }

    @Test func equalDiscreteSlicesKeepTheirColoursExactly() throws {
        let colormap = try importColormap("""
            # COLOR_MODEL = RGB
            0  255 0 0    1  255 0 0
            1  0/255/0    2  0/255/0   L
            2  #0000ff    3  #0000ff   U ; three
            3  yellow     4  yellow    B
            B  0 0 0
            F  255/255/255
            N  128
            """, .cpt)
        #expect(colormap.resolution == 4)
        #expect(matches(colormap.color(at: 0.1), 255, 0, 0))
        #expect(matches(colormap.color(at: 0.3), 0, 255, 0))
        #expect(matches(colormap.color(at: 0.6), 0, 0, 255))
        #expect(matches(colormap.color(at: 0.9), 255, 255, 0))
        #expect(matches(colormap.under, 0, 0, 0))
        #expect(matches(colormap.over, 255, 255, 255))
        #expect(colormap.bad.map { matches($0, 128, 128, 128) } == true)
    }

    @Test func unequalDiscreteSlicesAreSampled() throws {
        let colormap = try importColormap("0 red 1 red\n1 blue 3 blue\n", .cpt)
        #expect(colormap.resolution == 256)
        // z = 3 t: red below 1, blue above.
        #expect(matches(colormap.color(at: 0.3), 255, 0, 0))
        #expect(matches(colormap.color(at: 0.34), 0, 0, 255))
        #expect(matches(colormap.color(at: 0.9), 0, 0, 255))
    }

    @Test func specialColoursLandInUnderOverAndBad() throws {
        let colormap = try importColormap("""
            0 0 0 0 1 255 255 255
            B 10/20/30
            F #405060
            N 70 80 90
            """, .cpt)
        #expect(matches(colormap.under, 10, 20, 30))
        #expect(matches(colormap.over, 0x40, 0x50, 0x60))
        #expect(colormap.bad.map { matches($0, 70, 80, 90) } == true)
        #expect(colormap.underOverride != nil && colormap.overOverride != nil)
    }

    /// The opening and closing lines of Scientific Colour Maps 8's batlow.cpt, as GMT ships it
    /// (tabs, r/g/b colours, N before B and F).
    @Test func batlowExcerptParses() throws {
        let colormap = try importColormap("""
            #
            # SCM/batlow : Perceptually uniform 'rainbow' colormap by Fabio Crameri [C=RGB]
            #
            #----------------------------------------------------------
            # COLOR_MODEL = RGB
            #----------------------------------------------------------
            0.000000\t1/25/89\t0.003922\t2/27/89
            0.003922\t2/27/89\t0.007843\t3/28/90
            0.007843\t3/28/90\t0.011765\t4/30/90
            0.011765\t4/30/90\t0.015686\t5/31/90
            N\t255/255/255
            B\t1/25/89
            F\t250/204/250

            """, .cpt)
        #expect(colormap.resolution == 256)
        #expect(matches(colormap.color(at: 0), 1, 25, 89, within: 0.05))
        #expect(matches(colormap.color(at: 1), 5, 31, 90, within: 0.05))
        let reds = colormap.colors.map(\.red)
        #expect(zip(reds, reds.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(matches(colormap.under, 1, 25, 89))
        #expect(matches(colormap.over, 250, 204, 250))
        #expect(colormap.bad.map { matches($0, 255, 255, 255) } == true)
    }

    /// The older Scientific Colour Maps / cpt-city layout: `z r g b z r g b` with spaces.
    @Test func eightColumnIntegerPalettesParse() throws {
        let colormap = try importColormap("""
            #\t$Id: GMT_hot.cpt,v 1.1 2001/09/23 23:11:20 pwessel Exp $
            #
            # Simulates the hot colormap in MATLAB
            # COLOR_MODEL = RGB
            0\t0\t0\t0\t0.375\t255\t0\t0
            0.375\t255\t0\t0\t0.75\t255\t255\t0
            0.75\t255\t255\t0\t1\t255\t255\t255
            B\t0\t0\t0
            F\t255\t255\t255
            N\t255\t0\t0
            """, .cpt)
        // t = 0.1875 (entry 48) sits at z = 48.5 / 256, just past halfway to red.
        #expect(matches(colormap.color(at: 0.1875), 255 * (48.5 / 256) / 0.375, 0, 0, within: 1e-6))
        #expect(matches(colormap.under, 0, 0, 0))
        #expect(matches(colormap.over, 255, 255, 255))
        #expect(colormap.bad.map { matches($0, 255, 0, 0) } == true)
    }

    /// A categorical palette, one colour per key (Scientific Colour Maps' batlowS).
    @Test func categoricalPalettesListOneColourPerKey() throws {
        let colormap = try importColormap("""
            # COLOR_MODEL = RGB
            0\t1/25/89
            1\t250/204/250
            2\t130/130/49 ; third
            N\t255/255/255
            """, .cpt)
        #expect(colormap.resolution == 3)
        #expect(matches(colormap.colors[0], 1, 25, 89))
        #expect(matches(colormap.colors[1], 250, 204, 250))
        #expect(matches(colormap.colors[2], 130, 130, 49))
    }

    @Test func hsvPalettesInterpolateInHSV() throws {
        // Red (hue 0) to blue (hue 240) through green, not through purple as RGB would.
        let colormap = try importColormap("# COLOR_MODEL = HSV\n0 0 1 1 1 240 1 1\n", .cpt)
        let middle = colormap.color(at: 0.5)  // entry 128: hue 240 * 128.5 / 256
        #expect(middle.red == 0 && middle.green == 1 && middle.blue < 0.01)
        #expect(matches(colormap.color(at: 0), 255, 255 * (240 * 0.5 / 256) / 60, 0, within: 1e-6))
    }

    /// GMT's cyclic.cpt: hue 0 to 360 spans the whole wheel even though both ends are red.
    @Test func hsvTokensKeepTheirHue() throws {
        let colormap = try importColormap("""
            # COLOR_MODEL = hsv
            0\t0-1-1\t1\t360-1-1
            B\t0-0-1
            F\t0-0-0
            N\t0-0-0.75
            """, .cpt)
        #expect(colormap.resolution == 256)
        let middle = colormap.color(at: 0.5)  // hue ≈ 180.7: cyan
        #expect(middle.red == 0 && middle.green > 0.98 && middle.blue == 1)
        #expect(matches(colormap.under, 255, 255, 255))
        #expect(matches(colormap.over, 0, 0, 0))
        #expect(colormap.bad.map { matches($0, 191.25, 191.25, 191.25) } == true)
    }

    /// GMT's rainbow.cpt names its ends; GMT 4's `+HSV` and sealand's tabbed h-s-v parse too.
    @Test func namedColoursAndGMT4ModelsParse() throws {
        let rainbow = try importColormap("# COLOR_MODEL = hsv\n0\tmagenta\t1\tred\n", .cpt)
        let middle = rainbow.color(at: 0.5)  // hue 300 → 0, halfway ≈ 149: green
        #expect(middle.red == 0 && middle.green == 1 && abs(middle.blue - 0.49) < 0.01)

        let sealand = try importColormap("""
            # COLOR_MODEL = hsv
            -1\t\t255-0.6-1\t-0.916666666667\t240-0.6-1
            -0.916666666667\t240-0.6-1\t-0.833333333333\t225-0.6-1
            """, .cpt)
        #expect(sealand.resolution == 256)

        let discrete = try importColormap("""
            #COLOR_MODEL = +HSV
            -11\t0\t0\t0\t-9\t0\t0\t0\tL
            -9\t255\t1\t0.6\t-7\t255\t1\t0.6\tL
            B\t0\t0\t0
            F\t0\t0\t1
            """, .cpt)
        #expect(discrete.resolution == 2)
        #expect(matches(discrete.colors[0], 0, 0, 0))
        #expect(discrete.colors[1].blue == 0.6 && discrete.colors[1].green == 0)
        #expect(matches(discrete.over, 255, 255, 255))
    }

    /// globe.cpt mixes r/g/b, X11 gray levels and names.
    @Test func globeExcerptParses() throws {
        let colormap = try importColormap("""
            # COLOR_MODEL = RGB
            # HARD_HINGE
            # RANGE = -10000/10000
            0.7\t194/176/176\t0.75\tgray80
            0.75\tgray80\t0.8\tgray90
            0.8\tgray90\t0.85\tgray95
            0.85\tgray95\t0.9\twhite
            """, .cpt)
        #expect(matches(colormap.color(at: 1), 255, 255, 255, within: 0.5))
        #expect(matches(colormap.color(at: 0), 194, 176, 176, within: 0.5))
    }

    @Test func transparencyAndSkippedColoursBecomeAlpha() throws {
        let colormap = try importColormap("0 red@50 1 red@50\n1 blue 2 blue\nN -\n", .cpt)
        #expect(matches(colormap.colors[0], 255, 0, 0, alpha: 127.5))
        #expect(colormap.bad?.alpha == 0)
    }

    @Test func crlfLineEndsAndByteOrderMarkAreFine() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("0 red 1 red\r\n1 blue 2 blue\r\nB black\r\n".utf8)
        let colormap = try ColormapFile.parse(bytes, format: .cpt, displayPath: "x.cpt", name: "x")
        #expect(colormap.resolution == 2)
        #expect(matches(colormap.under, 0, 0, 0))
    }
}
