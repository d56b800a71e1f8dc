## Procedures: search answers, browsing, the procedure card.

cmd-thutuc = tra cứu thủ tục hành chính theo lĩnh vực
browse-fields = Anh/chị muốn tìm thủ tục thuộc lĩnh vực nào?
browse-field = Lĩnh vực { $field } có { $count } thủ tục. Chọn một thủ tục để xem chi tiết:
search-no-match = Xin lỗi, tôi chưa tìm thấy thủ tục phù hợp với câu hỏi của anh/chị. Anh/chị có thể chọn lĩnh vực bên dưới hoặc hỏi lại bằng cách khác (ví dụ: "đăng ký tạm trú cần giấy tờ gì").
desk-contact = Anh/chị cũng có thể liên hệ trực tiếp Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của UBND xã, phường nơi cư trú trong giờ hành chính, từ thứ Hai đến thứ Sáu.
card-field = Lĩnh vực
card-documents = Hồ sơ cần chuẩn bị
card-fee = Lệ phí
card-fee-province = (Mức cụ thể do HĐND tỉnh quy định, có thể khác nhau giữa các tỉnh.)
card-time = Thời hạn giải quyết
card-place = Nơi nộp
card-online = Nộp trực tuyến
card-legal = Căn cứ pháp lý
# nameEn is only shown in English.
card-title = 📄 { $nameEn ->
    [none] { $name }
   *[other] { $name }
}{ $code ->
    [none] {""}
   *[other] {" "}({ $code })
}
card-facts-language = {""}
card-confirm = { $place ->
    [police] Thông tin này cần xác nhận với Công an xã, phường nơi anh/chị cư trú.
    [agency] Thông tin này cần xác nhận với cơ quan nêu trên trước khi đến.
   *[desk] { $phone ->
        [none] Thông tin này cần xác nhận với Bộ phận Một cửa của UBND xã, phường trước khi nộp hồ sơ.
       *[other] Thông tin này cần xác nhận với Bộ phận Một cửa: { $phone }
    }
}
card-alternatives = Có thể anh/chị đang hỏi về:
place-desk = Bộ phận Một cửa, UBND xã, phường nơi anh/chị cư trú
place-desk-of = Bộ phận Một cửa — UBND { $commune }
place-police = { $commune ->
    [none] Công an xã, phường
   *[other] Công an { $commune }
} (không nộp tại Bộ phận Một cửa của UBND)
desk-address = Địa chỉ
desk-hours = Giờ làm việc
desk-phone = Điện thoại
desk-online = Dịch vụ công trực tuyến
referral-not-here = Việc này không làm tại Bộ phận Một cửa của UBND xã, phường.
referral-go-to = Anh/chị đến
referral-bring = Mang theo

## Searching: asking back when unsure.

search-is-it = Có phải anh/chị hỏi về "{ $a }"?
search-which = Anh/chị hỏi về "{ $a }" hay "{ $b }"{ $more ->
    [0] ?
   *[other] , hay việc khác bên dưới?
}
search-none-of-these = Không phải, tôi hỏi việc khác

## The commune whose desk a person uses (/xa).

desk-cmd-xa = chọn xã, phường của anh/chị (địa chỉ, giờ làm việc, điện thoại Bộ phận Một cửa)
desk-choose-button = 📍 Chọn xã của tôi để xem địa chỉ, giờ làm việc
desk-choose = Anh/chị làm thủ tục ở xã, phường nào?
desk-type-commune = Anh/chị gõ /xa kèm tên xã, phường của mình, ví dụ: /xa Tân Tiến
desk-chosen = Đã ghi nhận: anh/chị làm thủ tục tại { $commune }. Đổi lại bất cứ lúc nào bằng lệnh /xa.
desk-current = Anh/chị đang chọn { $commune }.
desk-none = Anh/chị chưa chọn xã, phường.
desk-commune-unknown = Không tìm thấy xã, phường "{ $typed }".
