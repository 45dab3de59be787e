// Package schema makes JSON Schemas (draft 2020-12) of sirkel's two file
// kinds, for editors with a YAML language server: they complete keys and
// values and mark mistakes while a file is typed. sirkel's own checks
// (positions, cross-references, «mente du …?») stay the authority; the
// schemas keep to keywords that older language servers (draft 7)
// understand too.
package schema

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"

	"github.com/sirkel/sirkel/assessment"
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

// ForQuestionnaires is the schema of questionnaire files.
func ForQuestionnaires() Schema {
	text := schemaRef("text")
	ident := schemaRef("ident")
	named := func(id Schema) Schema {
		return schemaObject([]string{"id", "name"}, Schema{"id": id, "name": text, "description": text})
	}
	number := Schema{"type": "number"}
	idList := schemaArray(ident)

	question := schemaObject([]string{"id", "text"}, Schema{
		"id":       withDescription(schemaRef("ident"), "Unik i skjemaet; svarfilene bruker den som nøkkel."),
		"text":     text,
		"help":     text,
		"type":     withDescription(Schema{"enum": []string{"scale", "yesno", "choice", "multi", "number", "text"}}, "Svartype; standard er scale."),
		"step":     withDescription(Schema{"type": "integer", "minimum": 1}, "Trinn (id fra steps)."),
		"tier":     withDescription(Schema{"type": "string"}, "Tiltaksnivå (id fra tiers), for eksempel I."),
		"weight":   Schema{"type": "number", "exclusiveMinimum": 0},
		"target":   withDescription(Schema{"type": "number"}, "Målet: en skalaverdi for scale, ellers et tall i [0, 1]."),
		"allow_na": Schema{"type": "boolean"},
		"plans":    withDescription(idList, "Planverk (id fra plans) der et gap her hører hjemme."),
		"strategy": ident,
		"action":   text,
		"examples": idList,
		"options":  schemaArray(schemaObject([]string{"id", "label", "score"}, Schema{"id": ident, "label": text, "score": Schema{"type": "number", "minimum": 0, "maximum": 1}})),
		"scoring":  withDescription(schemaObject([]string{"worst", "best"}, Schema{"worst": number, "best": number}), "For number-spørsmål: tallet som gir 0 og tallet som gir full skår."),
		"unit":     Schema{"type": "string"},
		"min":      withDescription(number, "For number-spørsmål: det minste gyldige svaret."),
		"max":      withDescription(number, "For number-spørsmål: det største gyldige svaret."),
		"replaces": withDescription(idList, "Spørsmåls-id-er fra forrige versjon som dette spørsmålet erstatter (nytt navn, delt eller slått sammen)."),
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
		"title":                "sirkel: spørreskjema (kind: questionnaire)",
		"description":          "Et spørreskjema for egenvurdering av sirkulær økonomi; se «sirkel help formats». «sirkel validate» gjør i tillegg kryssjekkene (unike id-er, referanser, skalaer).",
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
			"scale":          Schema{"type": "array", "minItems": 2, "items": schemaObject([]string{"value", "label"}, Schema{"value": number, "label": text, "description": text})},
			"default_target": withDescription(Schema{"type": "number"}, "En verdi på skalaen."),
			"levels":         Schema{"type": "array", "minItems": 1, "items": schemaObject([]string{"min", "name"}, Schema{"min": Schema{"type": "number", "minimum": 0, "maximum": 100}, "name": text, "description": text})},
			"steps":          schemaArray(named(Schema{"type": "integer", "minimum": 1})),
			"tiers":          schemaArray(named(Schema{"type": "string"})),
			"plans": schemaArray(schemaObject([]string{"id", "name"}, Schema{
				"id": ident, "name": text, "description": text,
				"kind":       Schema{"enum": []string{"plan", "okonomi", "eierskap", "anskaffelse", "reglement", "rapport", "virksomhet"}},
				"law":        withDescription(text, "Lovgrunnlaget, for eksempel «pbl. § 10-1»."),
				"decided_by": withDescription(text, "Hvem som vedtar planen, for eksempel «kommunestyret»."),
				"parent":     withDescription(ident, "Overordnet plan (id fra plans); en delplan uten egen syklus bruker den overordnedes."),
				"cycle": schemaObject([]string{"rule"}, Schema{
					"rule":        withDescription(Schema{"enum": []string{"yearly", "election", "decided"}}, "yearly: vedtas hvert år i «month»; election: én gang per valgperiode, i «month» året etter valget; decided: når planstrategien bestemmer det (oppgis i svarfilen)."),
					"month":       Schema{"type": "integer", "minimum": 1, "maximum": 12},
					"lead_months": withDescription(Schema{"type": "integer", "minimum": 0}, "Hvor mange måneder før vedtaket innspill må være klare."),
				}),
			})),
			"strategies":   schemaArray(named(ident)),
			"areas":        Schema{"type": "array", "minItems": 1, "items": schemaRef("area")},
			"min_coverage": withDescription(Schema{"type": "number", "minimum": 0, "maximum": 1}, "Dekning under denne andelen gjør skåren usikker; standard 0.5."),
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
				"description": "En tekst på bokmål, eller en mapping av språk der nb er påkrevd.",
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
func ForAnswers(q *assessment.Questionnaire) Schema {
	scale := make([]any, len(q.Scale))
	for i, p := range q.Scale {
		scale[i] = *p.Value
	}
	areas := Schema{}
	for _, a := range q.Areas {
		areas[a.ID] = withDescription(Schema{"enum": scale}, fmt.Sprintf("Kommunens eget mål for «%s»: %s", a.Name, assessment.ScaleValues(q)))
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
	for _, p := range q.Plans {
		plans[p.ID] = withDescription(schemaObject(nil, Schema{
			"adopted": when(`^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$`, "Når planen sist ble vedtatt: et år (2021), en måned (2021-06) eller en dato (2021-06-15)."),
			"next":    when(month, "Når planen skal revideres neste gang: et år (2027, lest som desember) eller en måned (2027-06). Går foran planens syklus i skjemaet."),
			"status":  withDescription(Schema{"type": "string"}, "Hvordan planen står, med egne ord."),
		}), fmt.Sprintf("Kommunens egne opplysninger om «%s».", p.Name))
	}
	answers := Schema{}
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		answers[qu.ID] = answerSchema(q, qu)
	})
	return Schema{
		"$schema":              Dialect,
		"title":                fmt.Sprintf("sirkel: svarfil for %s@%s", q.ID, q.Version),
		"description":          fmt.Sprintf("Svar på «%s». Lag en svarfil med «sirkel assess», og sjekk den med «sirkel validate».", q.Title),
		"type":                 "object",
		"required":             []string{"kind", "questionnaire", "municipality", "date", "answers"},
		"additionalProperties": false,
		"properties": Schema{
			"kind": Schema{"const": assessment.KindAnswers},
			"questionnaire": schemaObject([]string{"id", "version"}, Schema{
				"id":      Schema{"const": q.ID},
				"version": withDescription(Schema{"type": "string", "default": q.Version}, fmt.Sprintf("Versjonen svarene er gitt til; dette skjemaet er laget for %s.", q.Version)),
			}),
			"municipality": schemaObject([]string{"name", "number"}, Schema{
				"name":   Schema{"type": "string", "minLength": 1},
				"number": withDescription(Schema{"type": "string", "pattern": assessment.MunicipalityNumberPattern}, "Kommunenummer (fire sifre) eller fylkesnummer (to), i anførselstegn: \"0301\"."),
			}),
			"respondents": schemaArray(schemaObject([]string{"name"}, Schema{
				"name":  Schema{"type": "string", "minLength": 1},
				"role":  Schema{"type": "string"},
				"email": Schema{"type": "string", "format": "email"},
			})),
			"date":    withDescription(Schema{"type": "string", "format": "date"}, "ÅÅÅÅ-MM-DD"),
			"targets": schemaObject(nil, areas),
			"plans":   withDescription(schemaObject(nil, plans), "Kommunens planer etter plan-id: når de ble vedtatt, når de revideres neste gang, og status."),
			"answers": schemaObject(nil, answers),
		},
	}
}

// answerSchema allows a question's value, nothing (unanswered), or
// {value, comment}.
func answerSchema(q *assessment.Questionnaire, qu *assessment.Question) Schema {
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
		values = assessment.ScaleValues(q)
	case assessment.TypeYesNo:
		value = Schema{"enum": append([]any{"ja", "nei", true, false}, na...)}
		values = "ja, nei"
	case assessment.TypeChoice:
		var vals []any
		for _, o := range qu.Options {
			vals = append(vals, o.ID)
		}
		value = Schema{"enum": append(vals, na...)}
		values = assessment.OptionList(qu)
	case assessment.TypeMulti:
		ids := make([]any, len(qu.Options))
		for i, o := range qu.Options {
			ids[i] = o.ID
		}
		value = Schema{"anyOf": []any{
			Schema{"type": "array", "uniqueItems": true, "items": Schema{"enum": ids}},
			Schema{"enum": append(ids[:len(ids):len(ids)], na...)},
		}}
		values = "en liste med noen av: " + assessment.OptionList(qu)
	case assessment.TypeNumber:
		value = Schema{"type": "number"}
		if len(na) > 0 {
			value = Schema{"anyOf": []any{value, Schema{"enum": na}}}
		}
		values = "et tall"
		if qu.Unit != "" {
			values += " (" + qu.Unit + ")"
		}
	case assessment.TypeText:
		value = Schema{"type": []string{"string", "number", "boolean"}}
		values = "fritekst"
	}
	if qu.NAAllowed() {
		values += ", eller na (ikke relevant)"
	}
	description := qu.Text.String() + "\n\nGyldige svar: " + values
	if h := qu.Help.String(); h != "" {
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
				"by":       Schema{"type": "string", "description": "Hvem som ga svaret"},
				"evidence": Schema{"type": "array", "items": Schema{"type": "string"}, "description": "Dokumentasjon for svaret: saksnummer, lenker, dokumenter"},
			}),
		},
	}
}
