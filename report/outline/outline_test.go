package outline

import (
	"bytes"
	"testing"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

func write(t *testing.T, l lang.Lang) string {
	t.Helper()
	q := fixture.Questionnaire(t, "../../questionnaires/ks-sirkulaer-fylke-2026.2.yaml")
	var b bytes.Buffer
	if err := WriteWith(&b, q, Options{Lang: l}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestOutlineBokmal(t *testing.T) {
	fixture.ContainsAll(t, write(t, lang.NB),
		"ks-sirkulaer-fylke 2026.2 – Sirkulær økonomi i fylkeskommunen – egenvurdering\n86 spørsmål (85 skåres) i 7 områder. Skala 0–4 (Ikke startet … Systematisk og evaluert).\n\n Område ",
		"\nModenhetsnivåer:\n  fra   0  Startfase\n",
		"\nPlanverk:\n  regional-planstrategi    Regional planstrategi\n",
	)
}

func TestOutlineNynorsk(t *testing.T) {
	out := write(t, lang.NN)
	fixture.ContainsAll(t, out,
		"ks-sirkulaer-fylke 2026.2 – Sirkulær økonomi i fylkeskommunen – eigenvurdering\n86 spørsmål (85 blir skåra) i 7 område. Skala 0–4 (Ikkje starta … Systematisk og evaluert).\n",
		"\nModningsnivå:\n  frå   0  Startfase\n",
		"Effektivisering innanfor dagens strukturar",
	)
	q := fixture.Questionnaire(t, "../../questionnaires/ks-sirkulaer-fylke-2026.2.yaml")
	ids := q.QuestionIDs()
	for _, a := range q.Areas {
		ids = append(ids, a.ID)
	}
	for _, p := range q.Plans {
		ids = append(ids, p.ID)
	}
	if words := fixture.BokmalWords(fixture.Without(out, ids)); len(words) > 0 {
		t.Errorf("bokmål %q in\n%s", words, out)
	}
}
