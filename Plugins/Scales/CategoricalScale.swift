import Foundation
import HeatGridCore

/// A scale of categories: values that are codes (a few distinct numbers) or text categories
/// from the data ("up", "down", "n.s."). Category k of n sits at position (k + 0.5) / n, so a
/// colormap's n equal bands give one colour each; the core draws a legend of swatches with the
/// names instead of a colorbar (`categories`). Any other value is a bad cell.
public struct CategoricalScale: Scale, Equatable {
    public let categories: [ScaleCategory]?
    private let list: [ScaleCategory]
    private let index: [Double: Int]

    public init(_ categories: [ScaleCategory]) {
        precondition(!categories.isEmpty, "a categorical scale needs a category")
        list = categories
        self.categories = categories
        index = Dictionary(categories.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var domain: ClosedRange<Double> { list.map(\.value).min()!...list.map(\.value).max()! }

    public func position(of value: Double) -> Double? {
        guard let k = index[value] else { return nil }
        return (Double(k) + 0.5) / Double(list.count)
    }

    public func value(at t: Double) -> Double { list[min(max(Int(t * Double(list.count)), 0), list.count - 1)].value }
    public func ticks(count: Int) -> [Double] { list.map(\.value) }
    public func tickLabels(_ ticks: [Double]) -> [String] { ticks.map { v in list.first { $0.value == v }?.name ?? "" } }
}

/// The `categorical` scale plugin: `"scale": {"type": "categorical", "colors": {"up": "#d62728"}}`.
public struct CategoricalScaleProvider: ScaleProvider {
    public let type = "categorical"
    public let summary = "each distinct value (a code, or a text category of long-form CSV) its own colour; a legend of swatches"
    public let options = [
        PluginOption("colors", .any, doc: "colours by category name, {\"up\": \"#d62728\", ...} (the others from the palette or colormap)"),
    ]
    /// More categories than this cannot be told apart by colour.
    public static let maximumCount = 30

    public init() {}

    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        func fail(_ key: String, _ message: String) -> HeatGridError {
            .spec(file: request.specFile, key: "scale.\(key)", message: message)
        }
        // Text categories by their codes, else the distinct numbers named as written.
        let values = request.data.distinctValues
        var categories: [ScaleCategory]
        if let names = request.data.categories {
            categories = names.enumerated().map { ScaleCategory(name: $1, value: Double($0)) }
        } else {
            guard values.count <= Self.maximumCount else {
                throw fail("type", "the data has \(values.count) distinct values, more than the \(Self.maximumCount) a categorical scale tells apart by colour; is it numeric data (use \"linear\" or \"bins\")?")
            }
            categories = zip(values, TickFormat.labels(values)).map { ScaleCategory(name: $1, value: $0) }
        }
        guard !categories.isEmpty else { throw fail("type", "the data has no values to take categories from") }
        guard categories.count <= Self.maximumCount else {
            throw fail("type", "\(categories.count) categories, more than the \(Self.maximumCount) a categorical scale tells apart by colour")
        }
        if let given = request.spec.options["colors"] {
            guard case .object(let colors) = given else { throw fail("colors", "expected {\"category\": \"#rrggbb\", ...}") }
            let names = categories.map(\.name)
            for (name, value) in colors.sorted(by: { $0.key < $1.key }) {
                guard let k = names.firstIndex(of: name) else {
                    let hint = nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
                    throw fail("colors", "no category '\(name)'; \(hint)the categories are \(names.joined(separator: ", "))")
                }
                guard let color = RGBA(specValue: value) else { throw fail("colors", "'\(name)': expected a colour like \"#d62728\", found \(value)") }
                categories[k].color = color
            }
        }
        return CategoricalScale(categories)
    }
}
