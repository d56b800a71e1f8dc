## Alerts for the leadership: the operator's checks (npm start, cli doctor).

alerts-doctor-no-manager = ⚠ { $count } xã, phường chưa có lãnh đạo nào trên hệ thống (cả cấp xã lẫn cấp tỉnh). Cảnh báo về các nơi này (đánh giá không hài lòng, bị gợi ý chi thêm tiền, phản ánh quá hạn, phản ánh về cán bộ) được giữ lại cho đến khi có lãnh đạo đăng ký:
alerts-doctor-more = … và { $count } xã, phường khác.
alerts-doctor-fix = Cấp mã mời cho lãnh đạo, ví dụ: npm run cli -- invite --role manager --commune { $example } --name "…" --title "Chủ tịch UBND xã"
alerts-doctor-held = { $count } cảnh báo đang được giữ, chờ lãnh đạo đầu tiên đăng ký.
alerts-doctor-ok = Mọi xã, phường đều có lãnh đạo nhận cảnh báo. Không có cảnh báo nào bị giữ.
