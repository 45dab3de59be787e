package assessment

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/assessment/lang"
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
// diagnostics positioned in the file.
func validateFields(file string, root *yaml.Node, s any, decoded Diagnostics) Diagnostics {
	err := fieldValidator().Struct(s)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return Diagnostics{strictyaml.NewDiagnostic(file, 0, 0, "", lang.M("field-internal-error"))}
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
		ds = append(ds, strictyaml.NewDiagnostic(file, n.Line, n.Column, path, fieldMessage(fe, strictyaml.Present(root, path))))
	}
	return ds
}

func fieldMessage(fe validator.FieldError, present bool) lang.Msg {
	field := fe.Field()
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required", "text_required", "date_required", "answers_present":
		if !present {
			return lang.M("field-missing", "Field", field, "Hint", requiredHint(field))
		}
		return lang.M("field-empty", "Field", field, "Hint", requiredHint(field))
	case "eq":
		return lang.M("field-eq", "Field", field, "Want", fe.Param(), "Value", value)
	case "ident":
		return lang.M("field-ident", "Value", value)
	case "min":
		if fe.Kind() == reflect.Slice {
			return lang.M("field-min-items", "Field", field, "Min", fe.Param())
		}
		return lang.M("field-min", "Field", field, "Min", fe.Param(), "Value", derefString(fe.Value()))
	case "max":
		return lang.M("field-max", "Field", field, "Max", fe.Param(), "Value", derefString(fe.Value()))
	case "gt":
		return lang.M("field-gt", "Field", field, "Min", fe.Param(), "Value", derefString(fe.Value()))
	case "oneof":
		return lang.M("field-oneof", "Value", value, "Field", field, "Valid", strings.ReplaceAll(fe.Param(), " ", ", "))
	case "email":
		return lang.M("field-email", "Value", value)
	case "url":
		return lang.M("field-url", "Value", value)
	}
	return lang.M("field-rule", "Field", field, "Rule", fe.Tag())
}

// requiredHint says what a missing field holds, where that helps; the
// zero Msg elsewhere.
func requiredHint(field string) lang.Msg {
	switch field {
	case "date":
		return lang.M("field-hint-date")
	case "answers":
		return lang.M("field-hint-answers")
	case "number":
		return lang.M("field-hint-number")
	case "kind":
		return lang.M("field-hint-kind")
	}
	return lang.Msg{}
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
