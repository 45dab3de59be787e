package assessment

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/go-playground/validator/v10"
	"go.yaml.in/yaml/v3"
)

// Patterns of ids and municipality numbers, shared with the JSON Schema.
const (
	IdentPattern              = `^[a-z0-9][a-z0-9-]*$`
	MunicipalityNumberPattern = `^([0-9]{2}|[0-9]{4})$`
)

var (
	reIdent     = regexp.MustCompile(IdentPattern)
	reKommuneNr = regexp.MustCompile(MunicipalityNumberPattern)
	reLostZero  = regexp.MustCompile(`^([0-9]|[0-9]{3})$`)
)

// fieldValidator is built once: validator caches struct metadata, so one
// instance serves every file.
var fieldValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if name == "-" {
			return ""
		}
		return name
	})
	v.RegisterCustomTypeFunc(func(f reflect.Value) any { return f.Interface().(Text).NB }, Text{})
	must(v.RegisterValidation("ident", func(fl validator.FieldLevel) bool {
		return reIdent.MatchString(fl.Field().String())
	}))
	must(v.RegisterValidation("text_required", func(fl validator.FieldLevel) bool {
		return strings.TrimSpace(fl.Field().String()) != ""
	}))
	must(v.RegisterValidation("date_required", func(fl validator.FieldLevel) bool {
		d, ok := fl.Field().Interface().(Date)
		return ok && d.IsSet()
	}, true))
	must(v.RegisterValidation("answers_present", func(fl validator.FieldLevel) bool {
		m, ok := fl.Field().Interface().(AnswerMap)
		return ok && m.set
	}, true))
	return v
})

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// validateFields runs the struct tag rules and turns failures into
// Norwegian diagnostics positioned in the file.
func validateFields(file string, root *yaml.Node, s any, decoded Diagnostics) Diagnostics {
	err := fieldValidator().Struct(s)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return Diagnostics{{File: file, Message: "intern feil i valideringen"}}
	}
	var ds Diagnostics
	for _, fe := range verrs {
		path := fe.Namespace()
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:]
		}
		if reportedAt(decoded, path) {
			continue // the decoder already said what is wrong here
		}
		n := strictyaml.NodeAt(root, path)
		ds = append(ds, Diagnostic{File: file, Line: n.Line, Column: n.Column, Path: path, Message: fieldMessage(fe, strictyaml.Present(root, path))})
	}
	return ds
}

func fieldMessage(fe validator.FieldError, present bool) string {
	field := fe.Field()
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required", "text_required", "date_required", "answers_present":
		if !present {
			return fmt.Sprintf("mangler «%s», som er påkrevd%s", field, requiredHint(field))
		}
		return fmt.Sprintf("«%s» kan ikke være tom%s", field, requiredHint(field))
	case "eq":
		return fmt.Sprintf("«%s» må være «%s», ikke «%s»", field, fe.Param(), value)
	case "ident":
		return fmt.Sprintf("ugyldig id «%s»; en id kan bare ha små bokstaver a–z, sifre og bindestrek (for eksempel «styring-temaplan»)", value)
	case "min":
		if fe.Kind() == reflect.Slice {
			return fmt.Sprintf("«%s» må ha minst %s element(er)", field, fe.Param())
		}
		return fmt.Sprintf("«%s» må være minst %s, ikke %s", field, fe.Param(), derefString(fe.Value()))
	case "max":
		return fmt.Sprintf("«%s» kan være høyst %s, ikke %s", field, fe.Param(), derefString(fe.Value()))
	case "gt":
		return fmt.Sprintf("«%s» må være større enn %s, ikke %s", field, fe.Param(), derefString(fe.Value()))
	case "oneof":
		return fmt.Sprintf("ugyldig verdi «%s» for «%s»; gyldige verdier: %s", value, field, strings.ReplaceAll(fe.Param(), " ", ", "))
	case "email":
		return fmt.Sprintf("ugyldig e-postadresse «%s»", value)
	case "url":
		return fmt.Sprintf("ugyldig nettadresse «%s»; skriv en full adresse som begynner med https://", value)
	}
	return fmt.Sprintf("ugyldig verdi for «%s» (regel %s)", field, fe.Tag())
}

func requiredHint(field string) string {
	switch field {
	case "date":
		return " (datoen for besvarelsen, for eksempel 2026-11-20)"
	case "answers":
		return " (skriv «answers: {}» om ingen spørsmål er besvart ennå)"
	case "number":
		return " (kommunenummeret, for eksempel \"3440\")"
	case "kind":
		return " (enten «answers» eller «questionnaire»)"
	}
	return ""
}

func derefString(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		return fmt.Sprint(rv.Elem().Interface())
	}
	return fmt.Sprint(v)
}

func reportedAt(ds Diagnostics, path string) bool {
	for _, d := range ds {
		if d.Path == path || strings.HasPrefix(path, d.Path+".") || strings.HasPrefix(path, d.Path+"[") {
			return true
		}
	}
	return false
}
