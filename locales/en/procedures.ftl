## Procedures: search answers, browsing, the procedure card.

cmd-thutuc = browse administrative procedures by field
browse-fields = Which field is the procedure in?
browse-field = The field { $field } has { $count } procedures. Choose one to see the details:
search-no-match = Sorry, I could not find a procedure matching your question. Choose a field below or ask another way (for example: "temporary residence registration documents").
desk-contact = You can also contact the one-stop desk (public administration service centre) of your commune People's Committee during office hours, Monday to Friday.
card-field = Field
card-documents = Documents to prepare
card-fee = Fee
card-fee-province = (The exact amount is set by the provincial People's Council and differs between provinces.)
card-time = Time limit
card-place = Where to apply
card-online = Online
card-legal = Legal basis
card-verify = ⚠️ Some details should be confirmed with the one-stop desk before you apply.
card-alternatives = You may be asking about:
place-desk = One-stop desk, commune People's Committee
place-police = Commune police (not the People's Committee one-stop desk)
