import HeatGridCore

/// The interactive page as one self-contained document: the SVG drawing inline, the model and the
/// value blocks in non-executed `<script>` elements, the style and the script inline. It names no
/// URL and loads nothing: a Content-Security-Policy of `default-src 'none'` (inline style and
/// script, `data:` images only) makes sure it never does, so it works offline from `file://`.
enum HTMLPage {
    /// The page for `scene`, showing `svg` (the SVG backend's drawing of it), titled `title`.
    static func document(scene: Scene, svg: [UInt8], title: String) throws -> [UInt8] {
        var blocks: [(id: String, base64: [UInt8])] = []
        let model = PageModel(scene, blocks: &blocks)
        let label = escaped(title.isEmpty ? "HeatGrid figure" : title)
        let dark = luminance(scene.background) < 0.5
        var page: [UInt8] = []
        func add(_ text: String) { page += Array(text.utf8) }
        add("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="generator" content="HeatGrid">
            <title>\(label)</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <main class="hg\(dark ? " hg-dark" : "")" style="--hg-background: \(model.background)">
            <header class="hg-bar">
            <h1>\(label)</h1>
            <button type="button" id="hg-back" hidden>All panels (Esc)</button>
            <p id="hg-status" role="status">\(model.panels.isEmpty ? "" : PageStyle.help(categorical: model.categories != nil))</p>
            </header>
            <div id="hg-figure" class="hg-figure">

            """)
        page += try InlineSVG.markup(svg, attributes: "role=\"img\" aria-label=\"\(label)\"")
        add("""

            <canvas id="hg-overlay" aria-hidden="true"></canvas>
            </div>
            <div id="hg-tooltip" role="tooltip" hidden></div>
            </main>
            <script type="application/json" id="hg-model">
            """)
        page += try model.scriptJSON()
        add("</script>\n")
        for block in blocks {
            add("<script type=\"application/octet-stream\" id=\"\(block.id)\">")
            page += block.base64
            add("</script>\n")
        }
        add("<script>\n\(PageScript.source)\n</script>\n</body>\n</html>\n")
        return page
    }

    /// `text` safe in HTML text and attribute values.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Relative luminance of `color` (0 black, 1 white), to pick the page's light or dark chrome.
    static func luminance(_ color: RGBA) -> Double { 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue }
}
