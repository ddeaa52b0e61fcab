package check

import "github.com/itilint/itilint/pipeline/pack"

// Applies reports whether the pack-driven rule id has anything to check
// in pack p: a rule fed by entries p lacks (older-wording in the ITIL 4
// pack, v3-term in the Version 5 one) never reports. Rules that are not
// pack-driven always apply.
func Applies(p *pack.Pack, id string) bool {
	phraseKind := func(kinds ...string) bool {
		for _, ph := range p.Phrases {
			for _, k := range kinds {
				if ph.Kind == k {
					return true
				}
			}
		}
		return false
	}
	switch id {
	case ITILName.ID:
		for _, t := range p.Terms {
			if t.Category == productCategory {
				return true
			}
		}
		return false
	case OfficialName.ID, ListCount.ID:
		return len(p.Lists) > 0
	case V3Term.ID:
		return phraseKind("v3")
	case OlderWording.ID:
		return phraseKind("older")
	case UnsettledPoint.ID:
		return phraseKind("unsettled")
	case LanguageSlip.ID:
		return phraseKind("slip", "style")
	case ChatbotLeftover.ID:
		return phraseKind("chatbot")
	case DefinitionMismatch.ID:
		for _, t := range p.Terms {
			if len(t.Elements) > 0 {
				return true
			}
		}
		return false
	}
	return true
}

// PhraseRule is the ID of the rule that reports pack phrases of a kind.
func PhraseRule(kind string) string {
	switch kind {
	case "v3":
		return V3Term.ID
	case "older":
		return OlderWording.ID
	case "unsettled":
		return UnsettledPoint.ID
	case "chatbot":
		return ChatbotLeftover.ID
	}
	return LanguageSlip.ID
}
