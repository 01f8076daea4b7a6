import Foundation
import HeatGridCore
import Testing
@testable import CSVSource

@Suite("The cognitive-heads example")
struct ExampleDataTests {
    let csvURL = packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.csv")
    let jsonURL = packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.json")

    func loadCSV() throws -> Dataset {
        let spec = DataSpec(path: "cognitive-heads.csv", panel: "task", row: "layer", column: "head", value: "importance")
        return try CSVSource().load(DataRequest(url: csvURL, displayPath: "cognitive-heads.csv", spec: spec))
    }

    @Test func loadsEightPanelsOf32By32() throws {
        let data = try loadCSV()
        #expect(data.panels.count == 8)
        #expect(data.panels.first?.title == "Knowledge Recall")
        #expect(data.panels.allSatisfy { $0.matrix.rows == 32 && $0.matrix.columns == 32 })
        #expect(data.panels.allSatisfy { $0.matrix.values.allSatisfy(\.isFinite) })
        #expect(data.rowName == "layer" && data.columnName == "head" && data.valueName == "importance")
        // The file's first data lines: Knowledge Recall,0,0,0.0000442 and ...,0,1,0.0000857.
        #expect(data.panels[0].matrix[0, 0] == 0.0000442)
        #expect(data.panels[0].matrix[0, 1] == 0.0000857)
    }

    /// The JSON copy of the same data, read here with Foundation (the JSON plugin is another
    /// target), must hold exactly the same numbers.
    @Test func agreesWithTheJSONCopy() throws {
        let data = try loadCSV()
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
        let panels = try #require((object as? [String: Any])?["panels"] as? [[String: Any]])
        #expect(panels.map { $0["title"] as? String } == data.panels.map(\.title))
        for (panel, json) in zip(data.panels, panels) {
            let rows = try #require(json["values"] as? [[NSNumber]])
            let values = rows.flatMap { $0.map(\.doubleValue) }
            #expect(values == panel.matrix.values, "\(panel.title)")
        }
    }
}
