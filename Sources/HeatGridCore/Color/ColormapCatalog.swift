import Foundation

/// The registered colormaps in the order people look for them: grouped by kind (sequential,
/// diverging, cyclic, qualitative, then maps nobody classified), within a kind by source, then by
/// name with numbers compared as numbers (CET_L2 before CET_L10), each with its other names.
/// `heatgrid colormaps` prints it and `ColormapSheet` draws it.
public struct ColormapCatalog: Sendable {
    /// One colormap and the aliases that reach it.
    public struct Entry: Sendable {
        public let colormap: any Colormap
        public let aliases: [String]
    }

    /// The colormaps of one kind from one source, in name order.
    public struct Group: Sendable {
        public let kind: ColormapKind?
        public let source: String?
        public let entries: [Entry]
    }

    /// The groups, in reading order.
    public let groups: [Group]
    /// The kind the catalog was limited to; nil when it holds every kind.
    public let kind: ColormapKind?

    /// Every colormap of `registry` once (aliases listed with it, not as entries of their own),
    /// only those of `kind` when given.
    public init(_ registry: PluginRegistry, kind: ColormapKind? = nil) {
        let named = registry.colormaps.filter { $0.key == $0.value.name.lowercased() }
        let entries = named.values.map { colormap in
            // An alias later taken by another colormap no longer reaches this one.
            let aliases = (registry.colormapAliases[colormap.name.lowercased()] ?? [])
                .filter { registry.colormaps[$0.lowercased()]?.name == colormap.name }
            return Entry(colormap: colormap, aliases: aliases)
        }
        self.init(entries: entries, kind: kind)
    }

    /// The given colormaps (no aliases), only those of `kind` when given.
    public init(colormaps: [any Colormap], kind: ColormapKind? = nil) {
        self.init(entries: colormaps.map { Entry(colormap: $0, aliases: []) }, kind: kind)
    }

    private init(entries: [Entry], kind: ColormapKind?) {
        self.kind = kind
        let kept = entries.filter { kind == nil || $0.colormap.kind == kind }
        let kindOrder = ColormapKind.allCases.map(Optional.some) + [nil]
        var groups: [Group] = []
        for groupKind in kindOrder {
            let ofKind = kept.filter { $0.colormap.kind == groupKind }
            let sources = Set(ofKind.map(\.colormap.source)).sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
            for source in sources {
                let members = ofKind.filter { $0.colormap.source == source }.sorted {
                    $0.colormap.name.compare($1.colormap.name, options: [.caseInsensitive, .numeric]) == .orderedAscending
                }
                groups.append(Group(kind: groupKind, source: source, entries: members))
            }
        }
        self.groups = groups
    }

    /// Every entry, in reading order.
    public var entries: [Entry] { groups.flatMap(\.entries) }
}
