// typst-peer.cjs — compile un fichier Typst en PDF avec Typst 0.14, par le
// paquet npm @myriaddreamin/typst-ts-node-compiler ; pair de livret dans
// examples/bench.sh.
//
//   node examples/typst-peer.cjs guide.typ guide.pdf DOSSIER_DES_POLICES [balise|non-balise]
//
// NODE_PATH dit où trouver le paquet (dossier node_modules).
"use strict";
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [input, output, fontDir, tagged = "balise"] = process.argv.slice(2);
const fonts = fs.readdirSync(fontDir).filter((f) => f.endsWith(".ttf")).map((f) => fs.readFileSync(path.join(fontDir, f)));
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(input)), fontArgs: [{ fontBlobs: fonts }] });
const doc = compiler.compile({ mainFileContent: fs.readFileSync(input, "utf8") });
if (!doc.result) {
	const diags = compiler.fetchDiagnostics(doc.takeDiagnostics());
	console.error(JSON.stringify(diags, null, 1).slice(0, 4000));
	process.exit(1);
}
fs.writeFileSync(output, compiler.pdf(doc.result, { pdfTags: tagged === "balise" }));
