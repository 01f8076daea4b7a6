/// The `scale` section: which scale family, its domain, and what happens outside it.
///
///     "scale": {"type": "linear", "domain": [0, 0.003], "clamp": true}
///     "scale": {"type": "log", "domain": ["p1", "max"], "over": "extend"}
///     "scale": {"type": "diverging", "center": 0}
public struct ScaleSpec: Sendable, Equatable, Codable, PluginSection {
    /// Scale family: "linear", "log", "pow", "symlog", "diverging" (or a plugin's).
    public var type: String
    /// `[lo, hi]`, each a number, "min", "max" or a percentile like "p99"; by default the data's extent.
    public var domain: [DomainBound]?
    /// Policy below the domain.
    public var under: OutOfRangePolicy
    /// Policy above the domain.
    public var over: OutOfRangePolicy
    /// Every other key as written: the chosen scale's options (`gamma` of `pow`, ...), checked
    /// against its declaration when the scale is made.
    public var options: [String: SpecValue]
    /// Exponent of the `pow` scale (`t = x^gamma`); 0.5 brightens small values.
    public var gamma: Double? {
        get { options["gamma"].flatMap(Double.init(specValue:)) }
        set { options["gamma"] = newValue?.specValue }
    }
    /// Half-width of the linear region around 0 of the `symlog` scale.
    public var linthresh: Double? {
        get { options["linthresh"].flatMap(Double.init(specValue:)) }
        set { options["linthresh"] = newValue?.specValue }
    }
    /// The value at the middle of the colormap for the `diverging` scale (default 0).
    public var center: Double? {
        get { options["center"].flatMap(Double.init(specValue:)) }
        set { options["center"] = newValue?.specValue }
    }
    /// One scale for all panels (default), or `false` for a scale per panel fitted to its own data,
    /// each with its own colorbar.
    public var shared: Bool

    public init(type: String = "linear", domain: [DomainBound]? = nil, under: OutOfRangePolicy = .clamp,
                over: OutOfRangePolicy = .clamp, gamma: Double? = nil, linthresh: Double? = nil, center: Double? = nil,
                shared: Bool = true, options: [String: SpecValue] = [:]) {
        self.type = type; self.domain = domain; self.under = under; self.over = over; self.shared = shared
        self.options = options
        if let gamma { self.gamma = gamma }
        if let linthresh { self.linthresh = linthresh }
        if let center { self.center = center }
    }

    /// `[lo, hi]` as plain numbers.
    public init(type: String = "linear", domain: [Double], clamp: Bool = true) {
        self.init(type: type, domain: domain.map(DomainBound.value), under: clamp ? .clamp : .extend,
                  over: clamp ? .clamp : .extend)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, domain, clamp, under, over, gamma, linthresh, center, shared }

    public static let key = "scale"
    public static let coreKeys = ["type", "domain", "clamp", "under", "over", "shared"]

    public init(from decoder: Decoder) throws {
        options = try decoder.pluginOptions(excluding: Self.coreKeys)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type)?.lowercased() ?? "linear"
        domain = try c.decodeIfPresent([DomainBound].self, forKey: .domain)
        // `clamp` is shorthand for both ends: true = clamp (the default), false = extend.
        let both: OutOfRangePolicy = try c.decodeIfPresent(Bool.self, forKey: .clamp).map { $0 ? .clamp : .extend } ?? .clamp
        under = try c.decodeIfPresent(OutOfRangePolicy.self, forKey: .under) ?? both
        over = try c.decodeIfPresent(OutOfRangePolicy.self, forKey: .over) ?? both
        // The built-in scales' keys keep their types whichever scale is chosen.
        for key in [CodingKeys.gamma, .linthresh, .center] { _ = try c.decodeIfPresent(Double.self, forKey: key) }
        shared = try c.decodeIfPresent(Bool.self, forKey: .shared) ?? true
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(domain, forKey: .domain)
        try c.encode(under, forKey: .under)
        try c.encode(over, forKey: .over)
        try c.encode(shared, forKey: .shared)
        try encoder.encodePluginOptions(options)
    }
}

/// One end of a domain: a number, or a statistic of the data.
public enum DomainBound: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral {
    case value(Double)
    /// The data's smallest finite value.
    case min
    /// The data's largest finite value.
    case max
    /// A percentile (0...100) of the finite values, e.g. `"p99"` to ignore outliers.
    case percentile(Double)

    public init(floatLiteral value: Double) { self = .value(value) }
    public init(integerLiteral value: Int) { self = .value(Double(value)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) { self = .value(number); return }
        guard let text = try? c.decode(String.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a number, \"min\", \"max\" or a percentile like \"p99\""))
        }
        switch text.lowercased() {
        case "min": self = .min
        case "max": self = .max
        case let p where p.hasPrefix("p"):
            guard let value = Double(p.dropFirst()), (0...100).contains(value) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                    debugDescription: "expected a percentile p0...p100, found '\(text)'"))
            }
            self = .percentile(value)
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a number, \"min\", \"max\" or a percentile like \"p99\", found '\(text)'"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .value(let v): try c.encode(v)
        default: try c.encode(description)
        }
    }

    public var description: String {
        switch self {
        case .value(let v): return "\(v)"
        case .min: return "min"
        case .max: return "max"
        case .percentile(let p): return "p\(p == p.rounded() ? String(Int(p)) : String(p))"
        }
    }
}

/// What happens to values outside the domain, per end.
public enum OutOfRangePolicy: String, Sendable, Codable, CaseIterable {
    /// Drawn in the end colour; the end tick is marked (`0.0030+`, `≤0.0000`) when data go past it.
    case clamp
    /// Drawn in the colormap's over/under colour, shown as a triangle beyond the colorbar (matplotlib's extend).
    case extend
    /// `extend` where the data actually leave the domain, nothing otherwise.
    case auto
}
