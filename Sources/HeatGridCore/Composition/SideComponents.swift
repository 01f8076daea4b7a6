/// A panel in the composition model is a *body* (its cells) with a stack of measured components on
/// each of its four sides: the title above; tick labels and axis titles left and below; a colorbar
/// of its own on the right; and whatever plugins add later (a strip of category colours, a
/// dendrogram, group labels). Components are listed from the body outwards and measured with the
/// real font before layout, so a layout plugin works with plain numbers.

/// A side of a panel's body.
public enum Side: Int, Sendable, CaseIterable, Codable {
    case top, left, bottom, right
}

/// A set of sides, e.g. the sides on which a panel is on the outer edge of its grid.
public struct SideSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ side: Side) { rawValue = 1 << side.rawValue }

    public static let top = SideSet(.top)
    public static let left = SideSet(.left)
    public static let bottom = SideSet(.bottom)
    public static let right = SideSet(.right)
    public static let all: SideSet = [.top, .left, .bottom, .right]

    public func contains(_ side: Side) -> Bool { contains(SideSet(side)) }
}

/// One measured strip beside a body.
public struct SideComponent: Sendable, Equatable {
    /// What it is ("panel-title", "y-ticks", "y-title", "colorbar", or a plugin's own name).
    public var role: String
    /// Its extent across the side, in points, including its padding toward the body.
    public var thickness: Double
    /// Shown only where the panel is on the outer edge of its grid on that side: tick labels and
    /// axis titles of shared axes, and axis titles with `axes.titles: outer`.
    public var outerOnly: Bool

    public init(role: String, thickness: Double, outerOnly: Bool = false) {
        self.role = role; self.thickness = thickness; self.outerOnly = outerOnly
    }
}

/// The four side stacks of one panel.
public struct PanelDecorations: Sendable, Equatable {
    public var top: [SideComponent]
    public var left: [SideComponent]
    public var bottom: [SideComponent]
    public var right: [SideComponent]

    public init(top: [SideComponent] = [], left: [SideComponent] = [], bottom: [SideComponent] = [],
                right: [SideComponent] = []) {
        self.top = top; self.left = left; self.bottom = bottom; self.right = right
    }

    /// The stack on `side`, from the body outwards.
    public subscript(side: Side) -> [SideComponent] {
        get {
            switch side { case .top: top; case .left: left; case .bottom: bottom; case .right: right }
        }
        set {
            switch side {
            case .top: top = newValue
            case .left: left = newValue
            case .bottom: bottom = newValue
            case .right: right = newValue
            }
        }
    }

    /// How far the stack on `side` reaches from the body: every component, or only those shown on
    /// an inner side (`outer: false` leaves out the outer-only ones).
    public func thickness(_ side: Side, outer: Bool) -> Double {
        self[side].filter { outer || !$0.outerOnly }.reduce(0) { $0 + $1.thickness }
    }

    /// The offset from the body to where the component `role` starts on `side`, counting only the
    /// components shown (nil when that component is absent or not shown).
    public func offset(of role: String, on side: Side, outer: Bool) -> Double? {
        var offset = 0.0
        for component in self[side] where outer || !component.outerOnly {
            if component.role == role { return offset }
            offset += component.thickness
        }
        return nil
    }
}
