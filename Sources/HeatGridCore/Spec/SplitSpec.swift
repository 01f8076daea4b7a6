/// How `rows.split` / `columns.split` cuts an axis into groups drawn as separate blocks:
///
///     "split": 3                                                    // 3 clusters of the tree, or 3 equal runs
///     "split": {"path": "groups.csv", "key": "layer", "column": "stage"}   // by a column of a side file
public enum SplitSpec: Sendable, Equatable, Codable {
    /// With `order: cluster`, the tree cut into this many clusters; otherwise this many runs of
    /// consecutive rows (columns) of equal length (the first ones one longer when it does not divide).
    case count(Int)
    /// Groups named by `column` of the CSV file at `path`, whose column `key` holds the row keys.
    case file(SideColumn)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let count = try? c.decode(Int.self) {
            guard count >= 1 else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a number of groups of at least 1, found \(count)")
            }
            self = .count(count)
            return
        }
        guard (try? c.decode([String: SpecValue].self)) != nil else {
            throw DecodingError.dataCorruptedError(in: c,
                debugDescription: "expected a number of groups or {\"path\": \"groups.csv\", \"key\": \"<key column>\", \"column\": \"<group column>\"}")
        }
        self = .file(try c.decode(SideColumn.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .count(let k): try c.encode(k)
        case .file(let column): try c.encode(column)
        }
    }
}

/// One column of a side file (a CSV table with a header) matched to an axis's keys: the file at
/// `path` (relative to the spec), its column `key` holding the row (column) keys, and the column
/// `column` holding what they map to. Used by splits and annotation tracks.
public struct SideColumn: Sendable, Equatable, Codable {
    public var path: String
    public var key: String
    public var column: String

    public init(path: String, key: String, column: String) {
        self.path = path; self.key = key; self.column = column
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case path, key, column }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        key = try c.decode(String.self, forKey: .key)
        column = try c.decode(String.self, forKey: .column)
    }
}

/// Whether each group of a split gets its label beside its block (`true`, the default: the side
/// file's group names, the range of keys of an equal run, the cluster number 1, 2, ... for a cut tree), none
/// (`false`), or these labels in order.
public enum GroupLabels: Sendable, Equatable, Codable {
    case shown(Bool)
    case list([String])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let shown = try? c.decode(Bool.self) { self = .shown(shown); return }
        guard let list = try? c.decode([String].self) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected true, false or a list of group labels")
        }
        self = .list(list)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .shown(let shown): try c.encode(shown)
        case .list(let list): try c.encode(list)
        }
    }
}
