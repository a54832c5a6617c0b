package templates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The messages of the YAML decoder, in English, that are translated.
var (
	reUnknown = regexp.MustCompile(`^line (\d+): field (\S+) not found in type \S+$`)
	reType    = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")
	reLine    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
)

// frenchYAML translates a message of the YAML decoder of data: for a
// value of the wrong type, it names the key (« lignes_d_aide › nom »), says
// what was found and what is expected, and how to write it.
func frenchYAML(msg string, data []byte) string {
	if m := reUnknown.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("ligne %s : clé « %s » inconnue ; vérifiez son orthographe et son indentation", m[1], m[2])
	}
	if m := reType.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		where := "ligne " + m[1]
		if key := keyAt(data, line, m[2]); key != "" {
			where += ", « " + key + " »"
		}
		want, how := expected(m[4])
		return fmt.Sprintf("%s : il faut %s, pas %s ; %s", where, want, found(m[2], m[3]), how)
	}
	if m := reLine.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("ligne %s : syntaxe YAML incorrecte (%s)", m[1], frenchSyntax(m[2]))
	}
	return "syntaxe YAML incorrecte (" + msg + ")"
}

// found says in French what the file holds: « le texte « oui » », « une
// liste ».
func found(tag, value string) string {
	switch tag {
	case "seq":
		return "une liste"
	case "map":
		return "des clés"
	case "int", "float":
		return "le nombre « " + value + " »"
	case "null":
		return "une valeur vide"
	}
	return "« " + value + " »"
}

// expected says what a Go type takes, and how to write it.
func expected(goType string) (what, how string) {
	switch {
	case goType == "bool":
		return "oui ou non", "écrivez true (oui) ou false (non)"
	case goType == "string":
		return "un texte", "écrivez le texte après les deux-points, entre guillemets s’il contient « : » ou « # »"
	case strings.HasPrefix(goType, "[]"):
		return "une liste", "écrivez chaque élément sur sa ligne, précédé de « - » et indenté"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "float"):
		return "un nombre", "écrivez un nombre, par exemple 18"
	}
	// A map or a struct: templates.Publisher, guide.Wording…
	return "des clés", "écrivez en dessous une clé par ligne (clé: valeur), indentée de deux espaces"
}

// keyAt returns the path of the key whose value of the given tag starts
// at the given line: « parties › index », « lignes_d_aide › 2 › nom ».
func keyAt(data []byte, line int, tag string) string {
	kind := yaml.ScalarNode
	switch tag {
	case "seq":
		kind = yaml.SequenceNode
	case "map":
		kind = yaml.MappingNode
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return ""
	}
	var best string
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := append(path[:len(path):len(path)], k.Value)
				if v.Line == line && v.Kind == kind && best == "" {
					best = strings.Join(p, " › ")
				}
				walk(v, p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(path[:len(path):len(path)], strconv.Itoa(i+1)))
			}
		}
	}
	walk(&root, nil)
	return best
}

// frenchSyntax translates the usual syntax errors of the YAML parser.
func frenchSyntax(msg string) string {
	for en, fr := range map[string]string{
		"did not find expected node content":             "une valeur manque",
		"mapping values are not allowed in this context": "deux-points mal placé",
		"found character that cannot start any token":    "caractère inattendu, peut-être une tabulation : indentez avec des espaces",
		"could not find expected ':'":                    "deux-points attendu",
		"did not find expected key":                      "clé attendue, vérifiez l’indentation",
		"found unexpected end of stream":                 "fin de fichier inattendue, un guillemet n’est pas fermé",
	} {
		if strings.Contains(msg, en) {
			return fr
		}
	}
	return msg
}
