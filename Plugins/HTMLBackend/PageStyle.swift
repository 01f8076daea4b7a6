/// The page's style: the figure fitted into the window on the figure's own background, focus rings
/// on the panels, and the tooltip, which never takes the pointer (`pointer-events: none`) and is
/// placed beside it by the script. Light chrome by default, dark on a dark figure (`.hg-dark`).
enum PageStyle {
    /// The status line's text while nothing is hovered; a categorical scale's legend lists
    /// categories where others have a colorbar.
    static func help(categorical: Bool) -> String {
        "Hover a cell for its value · " + (categorical ? "hover a category in the legend to highlight its cells" : "hover the colorbar to highlight a band")
            + " · click a panel (or Tab to it, Enter) to enlarge it, Esc to return; arrow keys move between cells"
    }

    static let css = #"""
        :root { color-scheme: light; }
        html, body { margin: 0; }
        .hg { --hg-text: #222; --hg-muted: #555; --hg-accent: #1a66d6;
              min-height: 100vh; box-sizing: border-box; padding: 8px 16px 16px;
              background: var(--hg-background); color: var(--hg-text);
              font: 14px/1.4 "DejaVu Sans", system-ui, sans-serif; }
        .hg-dark { --hg-text: #eee; --hg-muted: #bbb; --hg-accent: #7fb0ff; color-scheme: dark; }
        /* Two lines of fixed height, so the figure never moves when the status changes. */
        /* A long title gives way (ellipsis), never the button beside it. */
        .hg-bar { display: grid; grid-template-columns: minmax(0, max-content) 1fr; align-items: center; column-gap: 16px;
                  height: 3.2em; }
        .hg-bar h1 { margin: 0; font-size: 15px; font-weight: 600; }
        .hg-bar h1, #hg-status { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        #hg-status { grid-column: 1 / -1; margin: 0; color: var(--hg-muted); font-size: 13px; }
        #hg-back { justify-self: start; white-space: nowrap; font: inherit; font-size: 12px; line-height: 1.2; padding: 1px 8px; cursor: pointer; }
        #hg-back[hidden] { display: none; }
        /* Clipped to the view: an enlarged panel shows nothing drawn beyond it. */
        .hg-figure { position: relative; margin: 6px auto 0; cursor: crosshair; overflow: hidden; }
        .hg-figure > svg { display: block; }
        #hg-overlay { position: absolute; left: 0; top: 0; pointer-events: none; }
        .hg-panel { position: absolute; margin: 0; padding: 0; border: 0; background: transparent;
                    cursor: zoom-in; }
        .hg-enlarged .hg-panel { cursor: zoom-out; }
        .hg-panel:focus { outline: none; }
        .hg-panel:focus-visible { outline: 3px solid var(--hg-accent); outline-offset: 3px; }
        #hg-tooltip { position: fixed; z-index: 10; left: 0; top: 0; pointer-events: none; max-width: 24em;
                      padding: 6px 9px; border-radius: 4px; background: rgba(25, 25, 25, 0.93); color: #fff;
                      font-size: 13px; line-height: 1.35; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }
        #hg-tooltip[hidden] { display: none; }
        .hg-t-title { font-weight: 600; }
        .hg-t-value, .hg-t-mark { font-variant-numeric: tabular-nums; }
        """#
}
