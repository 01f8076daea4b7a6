import Foundation

/// The `rows` and `columns` sections: the names of an axis, its order, and its dendrogram.
///
///     "rows": {"labels": "layers.txt"}                  // one name per line (or a list of names)
///     "rows": {"order": "cluster", "linkage": "average", "metric": "euclidean", "dendrogram": true}
///     "columns": {"order": "mean"}                     // descending mean, ties in data order
///     "rows": {"order": ["gpt-4o", "llama-3"]}         // these first, the others after in data order
///     "rows": {"split": {"path": "stages.csv", "key": "layer", "column": "stage"}, "gap": "2mm"}
///     "rows": {"tracks": [{"path": "models.csv", "key": "model", "column": "family"}]}
public struct OrderSpec: Sendable, Equatable, Codable {
    /// How an axis is ordered.
    public enum Order: Sendable, Equatable, Codable {
        /// As the data gives it.
        case data
        /// By hierarchical clustering (`linkage`, `metric`, `optimalLeafOrder`).
        case cluster
        /// By the mean of the finite values, largest first.
        case mean
        /// By the largest finite value, largest first.
        case max
        /// These keys (names, or indices for unnamed axes) first, in this order.
        case keys([String])

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let keys = try? c.decode([String].self) { self = .keys(keys); return }
            if let indices = try? c.decode([Int].self) { self = .keys(indices.map(String.init)); return }
            let name = (try? c.decode(String.self)) ?? ""
            switch name.lowercased() {
            case "data": self = .data
            case "cluster": self = .cluster
            case "mean": self = .mean
            case "max": self = .max
            default:
                throw DecodingError.dataCorruptedError(in: c,
                    debugDescription: "expected \"data\", \"cluster\", \"mean\", \"max\" or a list of keys, found '\(name)'")
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .data: try c.encode("data")
            case .cluster: try c.encode("cluster")
            case .mean: try c.encode("mean")
            case .max: try c.encode("max")
            case .keys(let keys): try c.encode(keys)
            }
        }
    }

    /// Names for the axis's rows (columns), the same for every panel: a list, or a text file with
    /// one name per line, relative to the spec. Nil: the data's own names or indices.
    public var labels: Labels?
    public var order: Order
    public var linkage: LinkageMethod
    public var metric: DistanceMetric
    /// Flip the tree's branches so neighbouring leaves are as similar as possible (Bar-Joseph 2001).
    public var optimalLeafOrder: Bool
    /// The panel whose values set the order (by its title); nil: all panels side by side, so the
    /// same row lines up in every panel; `"each"` (`eachPanel`): every panel by its own values.
    public var orderBy: String?
    /// The `orderBy` value that orders every panel by itself.
    public static let eachPanel = "each"
    /// Whether the clustering tree is drawn beside the rows (left) or above the columns.
    public var dendrogram: Bool
    /// The dendrogram's depth across the axis.
    public var dendrogramSize: Length
    /// Groups drawn as separate blocks (`SplitSpec`); within a group the order rule applies.
    public var split: SplitSpec?
    /// Space between the blocks of a split.
    public var gap: Length
    /// Labels beside the blocks of a split.
    public var groupLabels: GroupLabels
    /// Annotation strips beside the axis, each with a legend in the legend area.
    public var tracks: [TrackSpec]

    /// Names given in the spec: the names themselves, or a file of them.
    public enum Labels: Sendable, Equatable, Codable {
        case list([String])
        case file(String)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let list = try? c.decode([String].self) { self = .list(list); return }
            guard let path = try? c.decode(String.self) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a list of names or the path of a text file with one name per line")
            }
            self = .file(path)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .list(let list): try c.encode(list)
            case .file(let path): try c.encode(path)
            }
        }
    }

    public init(labels: Labels? = nil, order: Order = .data, linkage: LinkageMethod = .average, metric: DistanceMetric = .euclidean,
                optimalLeafOrder: Bool = false, orderBy: String? = nil, dendrogram: Bool = false,
                dendrogramSize: Length = Length(points: 8 * 72 / 25.4), split: SplitSpec? = nil,
                gap: Length = Length(points: 1.5 * 72 / 25.4), groupLabels: GroupLabels = .shown(true), tracks: [TrackSpec] = []) {
        self.labels = labels; self.order = order; self.linkage = linkage; self.metric = metric; self.optimalLeafOrder = optimalLeafOrder
        self.orderBy = orderBy; self.dendrogram = dendrogram; self.dendrogramSize = dendrogramSize
        self.split = split; self.gap = gap; self.groupLabels = groupLabels; self.tracks = tracks
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case labels, order, linkage, metric, optimalLeafOrder, orderBy, dendrogram, dendrogramSize, split, gap, groupLabels, tracks
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = OrderSpec()
        labels = try c.decodeIfPresent(Labels.self, forKey: .labels)
        order = try c.decodeIfPresent(Order.self, forKey: .order) ?? defaults.order
        linkage = try c.decodeIfPresent(LinkageMethod.self, forKey: .linkage) ?? defaults.linkage
        metric = try c.decodeIfPresent(DistanceMetric.self, forKey: .metric) ?? defaults.metric
        optimalLeafOrder = try c.decodeIfPresent(Bool.self, forKey: .optimalLeafOrder) ?? defaults.optimalLeafOrder
        orderBy = try c.decodeIfPresent(String.self, forKey: .orderBy)
        dendrogram = try c.decodeIfPresent(Bool.self, forKey: .dendrogram) ?? defaults.dendrogram
        dendrogramSize = try c.decodeIfPresent(Length.self, forKey: .dendrogramSize) ?? defaults.dendrogramSize
        split = try c.decodeIfPresent(SplitSpec.self, forKey: .split)
        gap = try c.decodeIfPresent(Length.self, forKey: .gap) ?? defaults.gap
        groupLabels = try c.decodeIfPresent(GroupLabels.self, forKey: .groupLabels) ?? defaults.groupLabels
        tracks = try c.decodeIfPresent([TrackSpec].self, forKey: .tracks) ?? []
        if case .count(let k) = split, order == .cluster, orderBy == Self.eachPanel {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.split],
                debugDescription: "cutting the tree into \(k) clusters needs one order shared by the panels, not \"orderBy\": \"each\" (split by a file instead)"))
        }
        if dendrogram, order != .cluster {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.dendrogram],
                debugDescription: "a dendrogram needs \"order\": \"cluster\""))
        }
        if dendrogram, orderBy == Self.eachPanel {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.dendrogram],
                debugDescription: "a dendrogram is drawn for one order shared by the panels, not with \"orderBy\": \"each\""))
        }
    }
}
