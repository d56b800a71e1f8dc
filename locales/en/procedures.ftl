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
card-title = 📄 { $nameEn ->
    [none] { $name }
   *[other] { $nameEn } — { $name }
}{ $code ->
    [none] {""}
   *[other] {" "}({ $code })
}
card-facts-language = (The details below are in Vietnamese, as the commune publishes them.)
card-confirm = { $place ->
    [police] Please confirm these details with the police of your commune.
    [agency] Please confirm these details with the office above before you go.
   *[desk] { $phone ->
        [none] Please confirm these details with the one-stop desk of your commune before you apply.
       *[other] Please confirm these details with the one-stop desk: { $phone }
    }
}
card-alternatives = You may be asking about:
place-desk = One-stop desk of your commune People's Committee
place-desk-of = One-stop desk — People's Committee of { $commune }
place-police = { $commune ->
    [none] Commune police
   *[other] Police of { $commune }
} (not the People's Committee one-stop desk)
desk-address = Address
desk-hours = Opening hours
desk-phone = Phone
desk-online = Online public services
referral-not-here = This is not done at the commune one-stop desk.
referral-go-to = Go to
referral-bring = Bring

## Searching: asking back when unsure.

search-is-it = Are you asking about "{ $a }"?
search-which = Are you asking about "{ $a }" or "{ $b }"{ $more ->
    [0] ?
   *[other] , or something else below?
}
search-none-of-these = No, something else

## The commune whose desk a person uses (/xa).

desk-cmd-xa = choose your commune (address, hours and phone of its one-stop desk)
desk-choose-button = 📍 Choose my commune for its address and hours
desk-choose = Which commune do you deal with?
desk-type-commune = Send /xa with the name of your commune, for example: /xa Tân Tiến
desk-chosen = Noted: you deal with { $commune }. Change it any time with /xa.
desk-current = Your commune: { $commune }.
desk-none = You have not chosen a commune yet.
desk-commune-unknown = No commune called "{ $typed }".
