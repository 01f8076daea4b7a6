import Foundation

// An overlap checker that reads only a rendered PDF, never a Scene: word boxes come from poppler's
// `pdftotext`, drawn regions from poppler's rasteriser `pdftoppm`. See IndependentOverlapTests.swift
// for why this is independent of `SceneCheck` and how the figures it checks are built.

/// An axis-aligned box in PDF points (origin top left, y down), as pdftotext reports it. Its own
/// type, not the engine's `Rect`, so no geometry code of the engine is involved in checking.
struct PageBox: Equatable, CustomStringConvertible {
    var minX: Double, minY: Double, maxX: Double, maxY: Double
    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    /// How far the two boxes overlap along x and along y (negative: the gap between them).
    func overlap(_ other: PageBox) -> (x: Double, y: Double) {
        (min(maxX, other.maxX) - max(minX, other.minX), min(maxY, other.maxY) - max(minY, other.minY))
    }

    func offset(dx: Double, dy: Double) -> PageBox {
        PageBox(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    var description: String { String(format: "(%.1f, %.1f)-(%.1f, %.1f) pt", minX, minY, maxX, maxY) }
}

/// One word on the page and its box.
struct PageWord {
    var text: String
    var box: PageBox
}

/// A region of cell-coloured pixels (a body or a colorbar), in pixels and in points.
struct ColouredRegion: CustomStringConvertible {
    var minX: Int, minY: Int, maxX: Int, maxY: Int  // inclusive pixel bounds
    var pixels: Int
    var pixelsPerPoint: Double
    /// Width and height in points.
    var width: Double { Double(maxX - minX + 1) / pixelsPerPoint }
    var height: Double { Double(maxY - minY + 1) / pixelsPerPoint }
    var thinnest: Double { min(width, height) }
    var longest: Double { max(width, height) }
    var description: String {
        String(format: "%.1f x %.1f pt at (%.1f, %.1f) pt", width, height,
               Double(minX) / pixelsPerPoint, Double(minY) / pixelsPerPoint)
    }
}

/// What a figure should contain, from its spec (never from its scene).
struct DrawnExpectation {
    /// Bodies (one per panel).
    var bodies: Int
    /// Colorbars: 1 shared, one per panel with independent scales, 0 when hidden.
    var colorbars: Int
    /// The theme's colorbar width, in points: how a colorbar is told from a body.
    var colorbarWidth: Double
    /// The theme's frame width: the frame covers the edge of a body's cells.
    var frameWidth: Double
    /// The thinnest a body may be (the theme's `minBody`), when HeatGrid picks the cells' proportions
    /// (`cells.aspect` auto or fill); nil when the spec asks for square or ratio cells.
    var minBody: Double?
    /// The shortest a shared colorbar may be (the theme's `minColorbarLength`), or nil.
    var minColorbarLength: Double?
}

/// Reads a PDF's words and pixels and reports what overlaps.
enum RenderedPageChecker {
    /// Text boxes may touch and overlap by this much (rounding in pdftotext's boxes).
    static let textTolerance = 0.3
    /// A pixel is cell-coloured when its chroma (max - min channel, 0-255) reaches this: the test
    /// colormap's colours (red to orange, blue 0) have chroma 255, and so has any average of them;
    /// text, frames, ticks and every theme's background are greys (chroma under 16).
    static let cellChroma = 96
    /// A word box (shrunk by a pixel) may hold this many cell-coloured pixels (stray anti-aliasing).
    static let cellPixelsAllowed = 1

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The page size and every word, from `pdftotext -raw -bbox`: content-stream order, so two
    /// text items drawn over each other stay two words (the reading-order mode can merge them).
    /// pdftotext drops characters that lie wholly off the page, so it reads a copy whose MediaBox is
    /// an inch larger on every side (rewritten in place, same byte length, so the file's offsets
    /// hold); word boxes are shifted back to the real page.
    static func words(in pdf: URL) throws -> (width: Double, height: Double, words: [PageWord]) {
        var bytes = [UInt8](try Data(contentsOf: pdf))
        let key = Array("/MediaBox [".utf8)
        let starts: [Int] = bytes.withUnsafeBufferPointer { b in
            guard b.count >= key.count else { return [] }
            return (0...(b.count - key.count)).filter { i in b[i] == key[0] && (1..<key.count).allSatisfy { b[i + $0] == key[$0] } }
        }
        guard starts.count == 1, let close = bytes[starts[0]...].firstIndex(of: UInt8(ascii: "]")) else {
            throw Failure(description: "expected one /MediaBox in \(pdf.path), found \(starts.count)")
        }
        let open = starts[0] + key.count - 1  // the "["
        let box = String(decoding: bytes[(open + 1)..<close], as: UTF8.self).split(separator: " ").compactMap { Double($0) }
        guard box.count == 4 else { throw Failure(description: "unreadable /MediaBox in \(pdf.path)") }
        let pad = 72.0
        let (left, top) = ((box[0] - pad).rounded(.down), (box[3] + pad).rounded(.up))
        let larger = String(format: "[%.0f %.0f %.0f %.0f", left, (box[1] - pad).rounded(.down), (box[2] + pad).rounded(.up), top)
        guard larger.utf8.count <= close - open else {
            throw Failure(description: "cannot enlarge the /MediaBox of \(pdf.path) in place")
        }
        bytes.replaceSubrange(open..<close, with: Array(larger.padding(toLength: close - open, withPad: " ", startingAt: 0).utf8))
        let enlarged = pdf.deletingPathExtension().appendingPathExtension("enlarged.pdf")
        try Data(bytes).write(to: enlarged)

        let out = pdf.deletingPathExtension().appendingPathExtension("words.html")
        let result = try run(tool("pdftotext"), ["-raw", "-bbox", enlarged.path, out.path])
        guard result.status == 0 else { throw Failure(description: "pdftotext failed: \(result.stderr)") }
        let html = try String(contentsOf: out, encoding: .utf8)
        guard html.contains("<page ") else { throw Failure(description: "pdftotext gave no page in \(out.path)") }
        // pdftotext measures from the enlarged box's top left; the real page's is (box[0], box[3]).
        let (dx, dy) = (left - box[0], box[3] - top)
        var words: [PageWord] = []
        for chunk in html.components(separatedBy: "<word ").dropFirst() {
            guard let close = chunk.firstIndex(of: ">"), let end = chunk.range(of: "</word>"),
                  let x0 = attribute("xMin", in: chunk[..<close]), let y0 = attribute("yMin", in: chunk[..<close]),
                  let x1 = attribute("xMax", in: chunk[..<close]), let y1 = attribute("yMax", in: chunk[..<close]) else {
                throw Failure(description: "unreadable word in \(out.path): \(chunk.prefix(120))")
            }
            let text = String(chunk[chunk.index(after: close)..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            words.append(PageWord(text: text, box: PageBox(minX: x0, minY: y0, maxX: x1, maxY: y1).offset(dx: dx, dy: dy)))
        }
        return (box[2] - box[0], box[3] - box[1], words)
    }

    private static func attribute(_ name: String, in text: Substring) -> Double? {
        guard let start = text.range(of: " \(name)=\"") ?? text.range(of: "\(name)=\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<quote])
    }

    /// The page rasterised by pdftoppm at `dpi`: a mask of cell-coloured pixels.
    struct Raster {
        var width: Int
        var height: Int
        var pixelsPerPoint: Double
        /// 1 where the pixel is cell-coloured.
        var cellLike: [UInt8]

        /// Cell-coloured pixels whose centres lie inside `box` shrunk by one pixel on every side.
        func cellPixels(in box: PageBox) -> Int {
            let s = pixelsPerPoint
            let x0 = max(0, Int((box.minX * s + 0.5).rounded(.up))), x1 = min(width - 1, Int((box.maxX * s - 1.5).rounded(.down)))
            let y0 = max(0, Int((box.minY * s + 0.5).rounded(.up))), y1 = min(height - 1, Int((box.maxY * s - 1.5).rounded(.down)))
            guard x0 <= x1, y0 <= y1 else { return 0 }
            return cellLike.withUnsafeBufferPointer { mask in
                var count = 0
                for y in y0...y1 { for x in x0...x1 where mask[y * width + x] != 0 { count += 1 } }
                return count
            }
        }

        /// Connected (4-neighbour) regions of cell-coloured pixels, biggest first; regions whose
        /// boxes come within `gap` pixels of each other are one (a frame line drawn over a body's
        /// edge can cut a one-pixel sliver of cells off it).
        func regions(joiningWithin gap: Int) -> [ColouredRegion] {
            var label = [Int32](repeating: 0, count: width * height)
            var found: [ColouredRegion] = []
            var stack: [Int] = []
            let w = width, h = height
            cellLike.withUnsafeBufferPointer { mask in
                label.withUnsafeMutableBufferPointer { label in
                    for start in 0..<(w * h) where mask[start] != 0 && label[start] == 0 {
                        let id = Int32(found.count + 1)
                        var region = ColouredRegion(minX: start % w, minY: start / w, maxX: start % w, maxY: start / w,
                                                    pixels: 0, pixelsPerPoint: pixelsPerPoint)
                        label[start] = id
                        stack.append(start)
                        while let p = stack.popLast() {
                            let x = p % w, y = p / w
                            region.pixels += 1
                            region.minX = min(region.minX, x); region.maxX = max(region.maxX, x)
                            region.minY = min(region.minY, y); region.maxY = max(region.maxY, y)
                            if x > 0, mask[p - 1] != 0, label[p - 1] == 0 { label[p - 1] = id; stack.append(p - 1) }
                            if x < w - 1, mask[p + 1] != 0, label[p + 1] == 0 { label[p + 1] = id; stack.append(p + 1) }
                            if y > 0, mask[p - w] != 0, label[p - w] == 0 { label[p - w] = id; stack.append(p - w) }
                            if y < h - 1, mask[p + w] != 0, label[p + w] == 0 { label[p + w] = id; stack.append(p + w) }
                        }
                        found.append(region)
                    }
                }
            }
            // Join regions near each other until no two are (a handful of regions: pairs are cheap).
            var joined = true
            while joined {
                joined = false
                outer: for i in found.indices {
                    for j in found.indices where j > i {
                        let a = found[i], b = found[j]
                        if a.minX - gap <= b.maxX, b.minX - gap <= a.maxX, a.minY - gap <= b.maxY, b.minY - gap <= a.maxY {
                            found[i] = ColouredRegion(minX: min(a.minX, b.minX), minY: min(a.minY, b.minY),
                                                      maxX: max(a.maxX, b.maxX), maxY: max(a.maxY, b.maxY),
                                                      pixels: a.pixels + b.pixels, pixelsPerPoint: pixelsPerPoint)
                            found.remove(at: j)
                            joined = true
                            break outer
                        }
                    }
                }
            }
            return found.sorted { $0.pixels > $1.pixels }
        }
    }

    /// Rasterises page 1 of `pdf` with pdftoppm (poppler's Splash renderer, not cairo).
    static func raster(of pdf: URL, dpi: Int) throws -> Raster {
        let prefix = pdf.deletingPathExtension().path + "-page"
        let result = try run(tool("pdftoppm"), ["-r", "\(dpi)", "-singlefile", pdf.path, prefix])
        guard result.status == 0 else { throw Failure(description: "pdftoppm failed: \(result.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        // Binary PPM: "P6", width, height, maximum value, each followed by whitespace; then RGB bytes.
        var position = 0, fields: [Int] = []
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "6") else {
            throw Failure(description: "pdftoppm did not write a binary PPM")
        }
        position = 2
        while fields.count < 3 {
            while position < bytes.count, bytes[position] == 32 || (9...13).contains(bytes[position]) { position += 1 }
            if position < bytes.count, bytes[position] == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != 10 { position += 1 }
                continue
            }
            var value = 0
            while position < bytes.count, (48...57).contains(bytes[position]) {
                value = value * 10 + Int(bytes[position] - 48); position += 1
            }
            fields.append(value)
        }
        position += 1  // the single whitespace after the maximum value
        let (width, height) = (fields[0], fields[1])
        guard fields[2] == 255, bytes.count >= position + width * height * 3 else {
            throw Failure(description: "unexpected PPM header \(fields)")
        }
        var mask = [UInt8](repeating: 0, count: width * height)
        let threshold = cellChroma
        bytes.withUnsafeBufferPointer { rgb in
            mask.withUnsafeMutableBufferPointer { mask in
                for i in 0..<(width * height) {
                    let r = Int(rgb[position + 3 * i]), g = Int(rgb[position + 3 * i + 1]), b = Int(rgb[position + 3 * i + 2])
                    if max(r, g, b) - min(r, g, b) >= threshold { mask[i] = 1 }
                }
            }
        }
        // pdftoppm maps points to pixels at exactly dpi / 72 and rounds only the page's pixel size:
        // a scale taken from the rounded width would drift by pixels down a tall page.
        return Raster(width: width, height: height, pixelsPerPoint: Double(dpi) / 72, cellLike: mask)
    }

    /// A resolution that keeps the raster at a few million pixels: 100 dpi, less for big pages
    /// (72 dpi for 500 x 500 mm), nil for pages so big (metres) that the pixels would be too coarse
    /// to tell a word from the cells beside it.
    static func dpi(pageWidth: Double, pageHeight: Double) -> Int? {
        let dpi = min(100, Int(72 * (4_000_000 / (pageWidth * pageHeight)).squareRoot()))
        return dpi >= 40 ? dpi : nil
    }

    /// Everything wrong with the rendered `pdf`, described for a person (empty: nothing overlaps).
    /// - Every word lies on the page.
    /// - No two words overlap (by more than `textTolerance` both ways), whatever line they are on.
    /// - No word covers cell-coloured pixels: it is not over a body or a colorbar (pages of a few
    ///   metres, which only size messages ask for, are too big to rasterise finely: words only).
    /// - With `expecting`: no coloured region runs off the page; and when bodies must reach `minBody`,
    ///   the regions are exactly the bodies and colorbars asked for (bodies that touch merge into one
    ///   region, a hidden one is missing), no body is thinner than `minBody` and no shared colorbar
    ///   shorter than `minColorbarLength`.
    static func problems(pdf: URL, expecting: DrawnExpectation?) throws -> [String] {
        let page = try words(in: pdf)
        var problems: [String] = []
        let tolerance = textTolerance
        for word in page.words where word.box.minX < -tolerance || word.box.minY < -tolerance
            || word.box.maxX > page.width + tolerance || word.box.maxY > page.height + tolerance {
            problems.append("word '\(word.text)' \(word.box) leaves the \(Int(page.width)) x \(Int(page.height)) pt page")
        }
        // Pairs of words, swept along x so that thousands of tick labels stay cheap.
        let order = page.words.indices.sorted { page.words[$0].box.minX < page.words[$1].box.minX }
        for (k, i) in order.enumerated() {
            let a = page.words[i]
            for j in order[(k + 1)...] {
                let b = page.words[j]
                if b.box.minX >= a.box.maxX - tolerance { break }
                let (x, y) = a.box.overlap(b.box)
                if x > tolerance, y > tolerance {
                    problems.append("word '\(a.text)' \(a.box) overlaps word '\(b.text)' \(b.box)")
                }
            }
        }

        guard let dpi = dpi(pageWidth: page.width, pageHeight: page.height) else { return problems }
        let raster = try raster(of: pdf, dpi: dpi)
        for word in page.words {
            let covered = raster.cellPixels(in: word.box)
            if covered > cellPixelsAllowed {
                problems.append("word '\(word.text)' \(word.box) lies over cells or a colorbar (\(covered) cell-coloured pixels under it)")
            }
        }

        guard let expecting else { return problems }
        var regions = raster.regions(joiningWithin: Int((expecting.frameWidth * raster.pixelsPerPoint).rounded(.up)) + 2)
        for region in regions where region.minX == 0 || region.minY == 0 || region.maxX == raster.width - 1
            || region.maxY == raster.height - 1 {
            problems.append("a coloured region \(region) runs off the page")
        }
        // Square or ratio cells are kept however thin: such bodies may be thinner than a colorbar,
        // or too thin to show at all, so only figures whose bodies must reach minBody are counted.
        guard let minimumBody = expecting.minBody else { return problems }
        // Colorbars are the thinnest regions (a body is at least minBody, far thicker than a bar).
        regions.sort { $0.thinnest < $1.thinnest }
        let slack = 2 / raster.pixelsPerPoint + expecting.frameWidth
        let bars = regions.prefix(expecting.colorbars), bodies = regions.dropFirst(expecting.colorbars)
        for bar in bars where bar.thinnest > expecting.colorbarWidth + slack {
            problems.append("expected \(expecting.colorbars) colorbar(s) \(expecting.colorbarWidth) pt wide, but the thinnest coloured regions include \(bar)")
        }
        if bars.count == 1, expecting.colorbars == 1, let minimum = expecting.minColorbarLength,
           let bar = bars.first, bar.longest < minimum - slack {
            problems.append(String(format: "the colorbar %@ is shorter than the theme's minColorbarLength %.1f pt", bar.description, minimum))
        }
        if bodies.count != expecting.bodies {
            problems.append("expected \(expecting.bodies) bodies and \(expecting.colorbars) colorbar(s), found \(regions.count) coloured regions (bodies touching or overlapping merge, hidden ones are missing): \(regions.prefix(6).map(\.description).joined(separator: "; "))")
        }
        for body in bodies where body.thinnest < minimumBody - slack {
            problems.append(String(format: "a body %@ is thinner than the theme's minBody %.1f pt", body.description, minimumBody))
        }
        return problems
    }
}
