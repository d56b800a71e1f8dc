## Trang công khai /congkhai: kết quả phục vụ người dân của xã, phường (tiếng Việt).

public-title = Kết quả phục vụ người dân — các xã, phường
public-commune-title = { $commune }: kết quả phục vụ người dân
public-all = ← Tất cả xã, phường
public-desk = Bộ phận một cửa
public-hours = Giờ làm việc
public-hotline = Đường dây nóng
public-satisfaction = Mức độ hài lòng và trả kết quả đúng hạn
public-satisfaction-intro = Đánh giá của người dân sau khi nhận kết quả, theo thang 3 mức của Hệ thống thông tin giải quyết thủ tục hành chính (Rất hài lòng, Hài lòng, Không hài lòng). Tỷ lệ hài lòng = rất hài lòng + hài lòng.
public-period-month = Tháng { $month }
public-period-quarter = Quý { $quarter }/{ $year }
public-period-year = Năm { $year }{ $toDate ->
    [yes] {" "}(đến nay)
   *[no] {""}
}
public-satisfied = Hài lòng
public-unsatisfied = Không hài lòng
public-rated = Lượt đánh giá
public-in-time = Trả kết quả đúng hạn
public-levels = Rất hài lòng { $very } · Hài lòng { $satisfied } · Không hài lòng { $unsatisfied } · { $returned } hồ sơ đã trả kết quả
public-trend = Xu hướng 12 tháng
public-trend-caption = Tỷ lệ hài lòng và tỷ lệ trả kết quả đúng hạn theo tháng, từ { $from } đến { $to }.
public-trend-table = Số liệu từng tháng
public-month = Tháng
public-communes = Từng xã, phường
public-communes-caption = Năm { $year }: tỷ lệ hài lòng, trả kết quả đúng hạn, phản ánh tiếp nhận và đã giải quyết.
public-commune = Xã, phường
public-complaints-col = Phản ánh (nhận/xong)
public-complaints = Phản ánh, kiến nghị năm { $year }
public-resolved = Phản ánh đã giải quyết
public-read-more = Xem đầy đủ
public-page-older = Cũ hơn ›
public-page-newer = ‹ Mới hơn
public-page-of = Trang { $page }
public-updated = Cập nhật lúc { $time } ngày { $date }.
public-privacy = Trang này không công bố tên, thông tin liên lạc của người phản ánh và nội dung phản ánh gốc.
public-bad-page = Trang không hợp lệ. Ví dụ: ?trang=2
