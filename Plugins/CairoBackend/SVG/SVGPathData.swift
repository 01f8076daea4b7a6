/// Compact SVG path data (`d`) built from absolute coordinates.
///
/// Coordinates come in as whole numbers of a unit (`10^-decimals` of the path's user unit: a
/// cell, a thousandth of a point, a hundredth of a font unit), so every difference is exact and
/// relative commands never drift. Each command is written relative to the current point
/// (`m`, `l`, `h`/`v` for axis-parallel lines, `q`, `c`, `z`), which keeps numbers short; the
/// command letter is left out when it repeats (`l1 2 3 4`), and the separator before a negative
/// number too (`m3-1`). After `z` the current point is the closed subpath's start, as SVG says.
/// The first command is an absolute `M`.
struct SVGPathData {
    /// Decimals of the unit: coordinates are in `10^-decimals` of the user unit.
    let decimals: Int
    private(set) var text = ""
    private var current = (x: 0, y: 0)
    private var subpathStart = (x: 0, y: 0)
    private var lastCommand: Character?
    /// Whether the last thing written was a number (the next number needs a separator, unless negative).
    private var afterNumber = false

    init(decimals: Int = 0) {
        self.decimals = decimals
    }

    var isEmpty: Bool { text.isEmpty }

    mutating func move(to x: Int, _ y: Int) {
        if text.isEmpty {
            write("M", [x, y])
        } else {
            write("m", [x - current.x, y - current.y])
        }
        current = (x, y)
        subpathStart = current
    }

    mutating func line(to x: Int, _ y: Int) {
        if y == current.y {
            write("h", [x - current.x])
        } else if x == current.x {
            write("v", [y - current.y])
        } else {
            write("l", [x - current.x, y - current.y])
        }
        current = (x, y)
    }

    mutating func quadratic(control c: (x: Int, y: Int), to x: Int, _ y: Int) {
        write("q", [c.x - current.x, c.y - current.y, x - current.x, y - current.y])
        current = (x, y)
    }

    mutating func cubic(_ c1: (x: Int, y: Int), _ c2: (x: Int, y: Int), to x: Int, _ y: Int) {
        write("c", [c1.x - current.x, c1.y - current.y, c2.x - current.x, c2.y - current.y, x - current.x, y - current.y])
        current = (x, y)
    }

    mutating func close() {
        text += "z"
        lastCommand = "z"
        afterNumber = false
        current = subpathStart
    }

    /// A closed axis-parallel rectangle from its corner (x, y), width and height.
    mutating func rectangle(x: Int, y: Int, width: Int, height: Int) {
        move(to: x, y)
        line(to: x + width, y)
        line(to: x + width, y + height)
        line(to: x, y + height)
        close()
    }

    private mutating func write(_ command: Character, _ numbers: [Int]) {
        // A moveto's implicit repetition means lineto, so only other commands may repeat silently.
        if command != lastCommand || command == "m" || command == "M" {
            text.append(command)
            afterNumber = false
        }
        for n in numbers {
            if afterNumber && n >= 0 { text += " " }
            text += SVGValues.fixed(Int64(n), decimals: decimals)
            afterNumber = true
        }
        lastCommand = command
    }
}
