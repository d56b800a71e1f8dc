## The public page /congkhai (served in Vietnamese; these are the English counterparts).

public-title = Service results — all communes
public-commune-title = { $commune }: service results
public-all = ← All communes
public-desk = One-stop desk
public-hours = Opening hours
public-hotline = Hotline
public-satisfaction = Satisfaction and results on time
public-satisfaction-intro = Citizens' ratings after receiving their result, on the 3-level scale of the national administrative procedure system (very satisfied, satisfied, not satisfied). Satisfied = very satisfied + satisfied.
public-period-month = { $month }
public-period-quarter = Q{ $quarter } { $year }
public-period-year = { $year }{ $toDate ->
    [yes] {" "}(to date)
   *[no] {""}
}
public-satisfied = Satisfied
public-unsatisfied = Not satisfied
public-rated = Ratings
public-in-time = Results on time
public-levels = Very satisfied { $very } · Satisfied { $satisfied } · Not satisfied { $unsatisfied } · { $returned } results returned
public-trend = The last 12 months
public-trend-caption = Satisfied citizens and results returned on time, month by month, { $from } to { $to }.
public-trend-table = Month by month
public-month = Month
public-communes = By commune
public-communes-caption = { $year }: satisfied, results on time, complaints received and resolved.
public-commune = Commune
public-complaints-col = Complaints (in/done)
public-complaints = Complaints and feedback in { $year }
public-resolved = Resolved complaints
public-read-more = Read in full
public-page-older = Older ›
public-page-newer = ‹ Newer
public-page-of = Page { $page }
public-updated = Updated at { $time } on { $date }.
public-privacy = This page never shows who filed a complaint, their contact details or the original complaint text.
public-bad-page = Not a valid page. Example: ?trang=2
