import HeatGridCore

/// The colour names GMT's own palettes use (`rainbow.cpt`'s magenta and red, `globe.cpt`'s
/// gray80 and white, `categorical.cpt`'s green, blue, red, cyan, yellow) and a few more common
/// ones, with GMT's (X11) values. Not GMT's full list of several hundred names.
enum NamedColors {
    private static let table: [String: (Int, Int, Int)] = [
        "black": (0, 0, 0), "white": (255, 255, 255),
        "red": (255, 0, 0), "green": (0, 255, 0), "blue": (0, 0, 255),
        "cyan": (0, 255, 255), "magenta": (255, 0, 255), "yellow": (255, 255, 0),
        "gray": (190, 190, 190), "grey": (190, 190, 190),
        "darkgray": (169, 169, 169), "darkgrey": (169, 169, 169),
        "lightgray": (211, 211, 211), "lightgrey": (211, 211, 211),
        "orange": (255, 165, 0), "purple": (160, 32, 240), "violet": (238, 130, 238),
        "brown": (165, 42, 42), "pink": (255, 192, 203), "gold": (255, 215, 0),
        "navy": (0, 0, 128), "darkblue": (0, 0, 139), "lightblue": (173, 216, 230),
        "darkred": (139, 0, 0), "darkgreen": (0, 100, 0), "lightgreen": (144, 238, 144),
    ]

    /// The colour called `name` (any case), including `grayN` / `greyN` for N in 0...100
    /// (N percent of white, rounded to the nearest of 256 levels).
    static func color(named name: String) -> RGBA? {
        let key = name.lowercased()
        if let (r, g, b) = table[key] {
            return RGBA(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
        }
        for prefix in ["gray", "grey"] where key.hasPrefix(prefix) {
            let digits = key.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ ("0"..."9").contains($0) }),
                  let percent = Int(digits), percent <= 100 else { return nil }
            let level = (Double(percent) * 255 / 100).rounded() / 255
            return RGBA(red: level, green: level, blue: level)
        }
        return nil
    }
}
