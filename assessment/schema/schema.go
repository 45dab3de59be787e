// Package schema makes JSON Schemas (draft 2020-12) of sirkel's two file
// kinds, for editors with a YAML language server: they complete keys and
// values and mark mistakes while a file is typed. sirkel's own checks
// (positions, cross-references, «mente du …?») stay the authority; the
// schemas keep to keywords that older language servers (draft 7)
// understand too.
package schema

import (
	"encoding/json"
	"io"
	"regexp"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// Dialect is the JSON Schema draft the schemas are written in.
const Dialect = "https://json-schema.org/draft/2020-12/schema"

// Schema is a JSON Schema as nested maps and slices.
type Schema = map[string]any

// Write writes a schema as indented JSON, with «<», «>» and «&» as
// they are (they occur in Norwegian help texts).
func Write(w io.Writer, s Schema) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

var reSchemaName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// FileName is the name of the answers schema file written next to
// answer files of a questionnaire, such as «ks-sirkulaer-2026.1.schema.json».
func FileName(ref assessment.QuestionnaireRef) string {
	return reSchemaName.ReplaceAllString(ref.ID+"-"+ref.Version, "-") + ".schema.json"
}

// Modeline is the first line of an answers file that points a YAML
// language server to its schema (a path relative to the file, or a URL).
func Modeline(schema string) string {
	return "# yaml-language-server: $schema=" + schema + "\n"
}

func schemaObject(required []string, props Schema) Schema {
	s := Schema{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func schemaArray(items any) Schema { return Schema{"type": "array", "items": items} }

func schemaRef(name string) Schema { return Schema{"$ref": "#/$defs/" + name} }

func withDescription(s Schema, description string) Schema {
	s["description"] = description
	return s
}

// ForQuestionnaires is the schema of questionnaire files, its descriptions
// in p's language.
func ForQuestionnaires(p *lang.Printer) Schema {
	text := schemaRef("text")
	ident := schemaRef("ident")
	named := func(id Schema) Schema {
		return schemaObject([]string{"id", "name"}, Schema{"id": id, "name": text, "description": text})
	}
	number := Schema{"type": "number"}
	idList := schemaArray(ident)

	question := schemaObject([]string{"id", "text"}, Schema{
		"id":       withDescription(schemaRef("ident"), p.T("schema-question-id")),
		"text":     text,
		"help":     text,
		"type":     withDescription(Schema{"enum": []string{"scale", "yesno", "choice", "multi", "number", "text"}}, p.T("schema-question-type")),
		"step":     withDescription(Schema{"type": "integer", "minimum": 1}, p.T("schema-question-step")),
		"tier":     withDescription(Schema{"type": "string"}, p.T("schema-question-tier")),
		"weight":   Schema{"type": "number", "exclusiveMinimum": 0},
		"target":   withDescription(Schema{"type": "number"}, p.T("schema-question-target")),
		"allow_na": Schema{"type": "boolean"},
		"plans":    withDescription(idList, p.T("schema-question-plans")),
		"strategy": ident,
		"action":   text,
		"examples": idList,
		"options":  schemaArray(schemaObject([]string{"id", "label", "score"}, Schema{"id": ident, "label": text, "score": Schema{"type": "number", "minimum": 0, "maximum": 1}})),
		"scoring":  withDescription(schemaObject([]string{"worst", "best"}, Schema{"worst": number, "best": number}), p.T("schema-question-scoring")),
		"unit":     Schema{"type": "string"},
		"min":      withDescription(number, p.T("schema-question-min")),
		"max":      withDescription(number, p.T("schema-question-max")),
		"replaces": withDescription(idList, p.T("schema-question-replaces")),
	})
	area := schemaObject([]string{"id", "name", "questions"}, Schema{
		"id": ident, "name": text, "description": text,
		"weight":    Schema{"type": "number", "exclusiveMinimum": 0},
		"allow_na":  Schema{"type": "boolean"},
		"plans":     idList,
		"questions": Schema{"type": "array", "minItems": 1, "items": schemaRef("question")},
	})
	return Schema{
		"$schema":              Dialect,
		"title":                p.T("schema-questionnaire-title"),
		"description":          p.T("schema-questionnaire-description"),
		"type":                 "object",
		"required":             []string{"kind", "id", "version", "title", "scale", "default_target", "levels", "areas"},
		"additionalProperties": false,
		"properties": Schema{
			"kind":           Schema{"const": assessment.KindQuestionnaire},
			"id":             ident,
			"version":        Schema{"type": []string{"string", "number"}},
			"title":          text,
			"description":    text,
			"language":       Schema{"enum": []string{"nb", "nn", "en"}},
			"languages":      withDescription(schemaArray(Schema{"enum": []string{"nb", "nn", "en"}}), p.T("schema-questionnaire-languages")),
			"audience":       withDescription(Schema{"enum": []string{"kommune", "fylkeskommune"}}, p.T("schema-questionnaire-audience")),
			"scale":          Schema{"type": "array", "minItems": 2, "items": schemaObject([]string{"value", "label"}, Schema{"value": number, "label": text, "description": text})},
			"default_target": withDescription(Schema{"type": "number"}, p.T("schema-questionnaire-default-target")),
			"levels":         Schema{"type": "array", "minItems": 1, "items": schemaObject([]string{"min", "name"}, Schema{"min": Schema{"type": "number", "minimum": 0, "maximum": 100}, "name": text, "description": text})},
			"steps":          schemaArray(named(Schema{"type": "integer", "minimum": 1})),
			"tiers":          schemaArray(named(Schema{"type": "string"})),
			"plans": schemaArray(schemaObject([]string{"id", "name"}, Schema{
				"id": ident, "name": text, "description": text,
				"kind":       Schema{"enum": []string{"plan", "okonomi", "eierskap", "anskaffelse", "reglement", "rapport", "virksomhet"}},
				"law":        withDescription(text, p.T("schema-plan-law")),
				"decided_by": withDescription(text, p.T("schema-plan-decided-by")),
				"parent":     withDescription(ident, p.T("schema-plan-parent")),
				"cycle": schemaObject([]string{"rule"}, Schema{
					"rule":        withDescription(Schema{"enum": []string{"yearly", "election", "decided"}}, p.T("schema-plan-cycle-rule")),
					"month":       Schema{"type": "integer", "minimum": 1, "maximum": 12},
					"lead_months": withDescription(Schema{"type": "integer", "minimum": 0}, p.T("schema-plan-cycle-lead")),
				}),
			})),
			"strategies":   schemaArray(named(ident)),
			"areas":        Schema{"type": "array", "minItems": 1, "items": schemaRef("area")},
			"min_coverage": withDescription(Schema{"type": "number", "minimum": 0, "maximum": 1}, p.T("schema-questionnaire-min-coverage")),
			"examples": schemaArray(schemaObject([]string{"id", "name"}, Schema{
				"id": ident, "name": text, "description": text,
				"url": Schema{"type": "string", "format": "uri"}, "areas": idList,
			})),
			"glossary": schemaArray(schemaObject([]string{"term", "definition"}, Schema{"term": text, "definition": text})),
			"facts":    schemaArray(schemaObject([]string{"text"}, Schema{"text": text, "source": Schema{"type": "string"}})),
		},
		"$defs": Schema{
			"ident": Schema{"type": "string", "pattern": assessment.IdentPattern},
			"text": Schema{
				"description": p.T("schema-text"),
				"anyOf": []any{
					Schema{"type": "string"},
					schemaObject([]string{"nb"}, Schema{"nb": Schema{"type": "string"}, "nn": Schema{"type": "string"}, "en": Schema{"type": "string"}}),
				},
			},
			"area":     area,
			"question": question,
		},
	}
}

// ForAnswers is the schema of answer files to q: its question ids are
// the properties of «answers», each with the values the question allows.
// Its descriptions, the questionnaire's texts included, are in p's
// language.
func ForAnswers(p *lang.Printer, q *assessment.Questionnaire) Schema {
	scale := make([]any, len(q.Scale))
	for i, p := range q.Scale {
		scale[i] = *p.Value
	}
	areas := Schema{}
	for _, a := range q.Areas {
		areas[a.ID] = withDescription(Schema{"enum": scale}, p.T("schema-answers-target", "Area", a.Name, "Scale", assessment.ScaleValuesIn(p, q)))
	}
	// A year is a number to a YAML reader, a month or a date a string.
	when := func(pattern, description string) Schema {
		return withDescription(Schema{"anyOf": []any{
			Schema{"type": "integer", "minimum": 1000, "maximum": 9999},
			Schema{"type": "string", "pattern": pattern},
		}}, description)
	}
	month := `^[0-9]{4}(-(0[1-9]|1[0-2]))?$`
	plans := Schema{}
	for _, pl := range q.Plans {
		plans[pl.ID] = withDescription(schemaObject(nil, Schema{
			"adopted": when(`^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$`, p.T("schema-answers-plan-adopted")),
			"next":    when(month, p.T("schema-answers-plan-next")),
			"status":  withDescription(Schema{"type": "string"}, p.T("schema-answers-plan-status")),
		}), p.T("schema-answers-plan", "Plan", pl.Name))
	}
	answers := Schema{}
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		answers[qu.ID] = answerSchema(p, q, qu)
	})
	return Schema{
		"$schema":              Dialect,
		"title":                p.T("schema-answers-title", "Ref", q.ID+"@"+q.Version),
		"description":          p.T("schema-answers-description", "Title", q.Title),
		"type":                 "object",
		"required":             []string{"kind", "questionnaire", "municipality", "date", "answers"},
		"additionalProperties": false,
		"properties": Schema{
			"kind": Schema{"const": assessment.KindAnswers},
			"questionnaire": schemaObject([]string{"id", "version"}, Schema{
				"id":      Schema{"const": q.ID},
				"version": withDescription(Schema{"type": "string", "default": q.Version}, p.T("schema-answers-version", "Version", q.Version)),
			}),
			"municipality": schemaObject([]string{"name", "number"}, Schema{
				"name":   Schema{"type": "string", "minLength": 1},
				"number": withDescription(Schema{"type": "string", "pattern": assessment.MunicipalityNumberPattern}, p.T("schema-answers-number")),
			}),
			"respondents": schemaArray(schemaObject([]string{"name"}, Schema{
				"name":  Schema{"type": "string", "minLength": 1},
				"role":  Schema{"type": "string"},
				"email": Schema{"type": "string", "format": "email"},
			})),
			"date":     withDescription(Schema{"type": "string", "format": "date"}, p.T("schema-answers-date")),
			"language": withDescription(Schema{"enum": []string{"nb", "nn"}}, p.T("schema-answers-language")),
			"targets":  schemaObject(nil, areas),
			"plans":    withDescription(schemaObject(nil, plans), p.T("schema-answers-plans")),
			"answers":  schemaObject(nil, answers),
		},
	}
}

// answerSchema allows a question's value, nothing (unanswered), or
// {value, comment}.
func answerSchema(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question) Schema {
	var value Schema
	var values string
	na := []any{}
	if qu.NAAllowed() {
		na = append(na, "na")
	}
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		var vals []any
		for _, p := range q.Scale {
			vals = append(vals, *p.Value)
		}
		value = Schema{"enum": append(vals, na...)}
		values = assessment.ScaleValuesIn(p, q)
	case assessment.TypeYesNo:
		value = Schema{"enum": append([]any{"ja", "nei", true, false}, na...)}
		values = "ja, nei"
	case assessment.TypeChoice:
		var vals []any
		for _, o := range qu.Options {
			vals = append(vals, o.ID)
		}
		value = Schema{"enum": append(vals, na...)}
		values = assessment.OptionListIn(p, qu)
	case assessment.TypeMulti:
		ids := make([]any, len(qu.Options))
		for i, o := range qu.Options {
			ids[i] = o.ID
		}
		value = Schema{"anyOf": []any{
			Schema{"type": "array", "uniqueItems": true, "items": Schema{"enum": ids}},
			Schema{"enum": append(ids[:len(ids):len(ids)], na...)},
		}}
		values = p.T("schema-answers-values-multi", "Options", assessment.OptionListIn(p, qu))
	case assessment.TypeNumber:
		value = Schema{"type": "number"}
		if len(na) > 0 {
			value = Schema{"anyOf": []any{value, Schema{"enum": na}}}
		}
		values = p.T("schema-answers-values-number")
		if qu.Unit != "" {
			values = p.T("schema-answers-values-number-unit", "Unit", qu.Unit)
		}
	case assessment.TypeText:
		value = Schema{"type": []string{"string", "number", "boolean"}}
		values = p.T("schema-answers-values-text")
	}
	if qu.NAAllowed() {
		values = p.T("schema-answers-values-or-na", "Values", values)
	}
	description := p.T("schema-answers-answer", "Text", qu.Text, "Values", values)
	if h := qu.Help.Localize(p); h != "" {
		description += "\n\n" + h
	}
	return Schema{
		"description": description,
		"anyOf": []any{
			value,
			Schema{"type": "null"},
			schemaObject(nil, Schema{
				"value":    Schema{"anyOf": []any{value, Schema{"type": "null"}}},
				"comment":  Schema{"type": "string"},
				"by":       withDescription(Schema{"type": "string"}, p.T("schema-answer-by")),
				"evidence": withDescription(Schema{"type": "array", "items": Schema{"type": "string"}}, p.T("schema-answer-evidence")),
			}),
		},
	}
}
