<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>BrandRulesView</name>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="108"/>
        <source>Palette colours:</source>
        <translation>色盤顏色：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="108"/>
        <source>Colour tolerance (ΔE2000):</source>
        <translation>色差容許值（ΔE2000）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="109"/>
        <source>Share of pixels in the palette:</source>
        <translation>符合色盤的像素比例：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="109"/>
        <source>Aspect ratios:</source>
        <translation>長寬比：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="110"/>
        <source>Minimum size:</source>
        <translation>最小尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="110"/>
        <source>Forbidden words:</source>
        <translation>禁用字詞：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="111"/>
        <source>Required words:</source>
        <translation>必要字詞：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="111"/>
        <source>Safe-area margin:</source>
        <translation>安全邊界：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="112"/>
        <source>Most edge detail in the margin:</source>
        <translation>邊界內細節上限：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="112"/>
        <source>Why (for the history):</source>
        <translation>原因（記入歷程）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="115"/>
        <source>#C81E2D, #141E50 (empty: no palette rule)</source>
        <translation>#C81E2D, #141E50（留空：不檢查色盤）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="116"/>
        <source>1:1, 4:5, 9:16 (empty: any)</source>
        <translation>1:1, 4:5, 9:16（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="117"/>
        <source>Comma-separated, e.g. watermark, competitor</source>
        <translation>以逗號分隔，例如：浮水印, 競品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="118"/>
        <source>Comma-separated, e.g. brand name</source>
        <translation>以逗號分隔，例如：品牌名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="119"/>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="120"/>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="121"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="122"/>
        <source>Busy detail should not reach this band along the edges</source>
        <translation>繁雜的細節不應延伸到四周的這個區域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="123"/>
        <source>No text in the image (asks a vision model when one is available)</source>
        <translation>圖片中不可有文字（有視覺模型時由它判斷）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="124"/>
        <source>Save rules</source>
        <translation>儲存規範</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="125"/>
        <source>Check all images</source>
        <translation>檢查所有圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="126"/>
        <source>Export results…</source>
        <translation>匯出結果…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="135"/>
        <source>Rules version %1</source>
        <translation>規範第 %1 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="136"/>
        <source>No rules yet</source>
        <translation>尚未設定規範</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/rules_page.py" line="171"/>
        <source>Check this field: %1</source>
        <translation>請檢查這個欄位：%1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desktop/ui/workflow/history_page.py" line="53"/>
        <source>Double-click a step to see its images.</source>
        <translation>按兩下任一步驟即可查看該步驟的圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/history_page.py" line="54"/>
        <source>Show images</source>
        <translation>顯示圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/history_page.py" line="55"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/history_page.py" line="56"/>
        <source>The timeline as JSON or CSV, for reports</source>
        <translation>將時間軸匯出成 JSON 或 CSV，供報表使用</translation>
    </message>
</context>
<context>
    <name>ImageGridModel</name>
    <message>
        <location filename="../../desktop/ui/workflow/image_grid_model.py" line="132"/>
        <source>outlier</source>
        <translation>離群</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/image_grid_model.py" line="133"/>
        <source>not checked</source>
        <translation>尚未檢查</translation>
    </message>
</context>
<context>
    <name>LineageModel</name>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="97"/>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="97"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="97"/>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="107"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="109"/>
        <source>(+%n reseed(s))</source>
        <translation>
            <numerusform>（另有 %n 張僅種子不同）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LineageView</name>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_page.py" line="50"/>
        <source>Collapse reseeds</source>
        <translation>合併僅種子不同的變體</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_page.py" line="51"/>
        <source>Show variants that differ only by seed as one row</source>
        <translation>只差在種子的變體合併成一列顯示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_page.py" line="65"/>
        <source>Choose an image and press “Show lineage” to see where it came from and what was made from it.</source>
        <translation>選一張圖片並按「顯示衍生關係」，即可看到它的來源，以及由它衍生出的圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/lineage_page.py" line="68"/>
        <source>Family of image #%1: the original at the top, variants below. Picked and approved images are highlighted.</source>
        <translation>圖片 #%1 的衍生關係：最上層是原圖，下層是變體。已選用和已核准的圖片會以醒目方式標示。</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="55"/>
        <source>New project</source>
        <translation>新增專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="56"/>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="57"/>
        <source>e.g. Spring launch 2026</source>
        <translation>例如：2026 春季新品上市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="60"/>
        <source>Blank project</source>
        <translation>空白專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="65"/>
        <source>(yours)</source>
        <translation>（自訂）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="78"/>
        <source>An empty project: add presets and brand rules yourself.</source>
        <translation>空白的專案：風格預設與品牌規範請自行加入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="83"/>
        <source>Sizes: %1 · %n preset(s)</source>
        <translation>
            <numerusform>尺寸：%1 · %n 個風格預設</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresetEditorView</name>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="129"/>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="129"/>
        <source>Prompt text:</source>
        <translation>提示詞文字：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="130"/>
        <source>Negative prompt:</source>
        <translation>負面提示詞：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="130"/>
        <source>Provider:</source>
        <translation>供應商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="131"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="131"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="131"/>
        <source>Quality:</source>
        <translation>品質：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="132"/>
        <source>Style keyword:</source>
        <translation>風格關鍵字：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="132"/>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="133"/>
        <source>Provider parameters:</source>
        <translation>供應商參數：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="133"/>
        <source>Why (for the history):</source>
        <translation>原因（記入歷程）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="134"/>
        <source>Preview:</source>
        <translation>預覽：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="137"/>
        <source>Use {prompt} where the prompt goes, e.g. {prompt}, soft light</source>
        <translation>在要放入提示詞的位置寫 {prompt}，例如：{prompt}, 柔和光線</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="138"/>
        <source>JSON per provider, e.g. {&quot;stability&quot;: {&quot;style_preset&quot;: &quot;anime&quot;}}</source>
        <translation>各供應商的 JSON，例如：{&quot;stability&quot;: {&quot;style_preset&quot;: &quot;anime&quot;}}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="139"/>
        <source>Project default</source>
        <translation>專案預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="140"/>
        <source>Provider default</source>
        <translation>供應商預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="141"/>
        <source>Mapped to each provider&apos;s own style (Stability style preset, Leonardo preset style…)</source>
        <translation>會對應到各供應商自己的風格設定（例如 Stability 與 Leonardo 的風格預設）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="144"/>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="144"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="145"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="145"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="146"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="147"/>
        <source>Random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="147"/>
        <source>Locked</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="148"/>
        <source>Range</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="154"/>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="155"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="156"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="157"/>
        <source>Save preset</source>
        <translation>儲存預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="158"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="159"/>
        <source>Import styles…</source>
        <translation>匯入風格…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="160"/>
        <source>A1111 styles.csv or Fooocus style .json</source>
        <translation>A1111 的 styles.csv，或 Fooocus 的風格檔（JSON）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="161"/>
        <source>Export styles…</source>
        <translation>匯出風格…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="205"/>
        <source>Provider parameters are not valid JSON</source>
        <translation>供應商參數不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/presets_page.py" line="244"/>
        <source>a lighthouse at dawn</source>
        <translation>黎明時分的燈塔</translation>
    </message>
</context>
<context>
    <name>PresetListModel</name>
    <message>
        <location filename="../../desktop/ui/workflow/preset_list_model.py" line="44"/>
        <source>(all projects)</source>
        <translation>（所有專案）</translation>
    </message>
</context>
<context>
    <name>ProjectImagesView</name>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="120"/>
        <source>All images</source>
        <translation>全部圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="120"/>
        <source>Brand check passed</source>
        <translation>通過品牌檢查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="121"/>
        <source>Brand check failed</source>
        <translation>未通過品牌檢查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="121"/>
        <source>Consistency outliers</source>
        <translation>一致性離群</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="122"/>
        <source>Picked or approved</source>
        <translation>已選用或已核准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="130"/>
        <source>Pick</source>
        <translation>選用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="130"/>
        <source>Reject</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="130"/>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="131"/>
        <source>Request changes…</source>
        <translation>要求修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="131"/>
        <source>Comment…</source>
        <translation>留言…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="134"/>
        <source>Vary the prompt</source>
        <translation>微調提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="135"/>
        <source>Besides new seeds, add small changes of composition or light</source>
        <translation>除了換新種子，也稍微變化構圖或光線</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="136"/>
        <source>Make variants</source>
        <translation>產生變體</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="137"/>
        <source>Check again</source>
        <translation>重新檢查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="138"/>
        <source>Why does it fail?</source>
        <translation>為什麼不通過？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="139"/>
        <source>Caption</source>
        <translation>產生圖說</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="140"/>
        <source>Show lineage</source>
        <translation>顯示衍生關係</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="141"/>
        <source>Show all</source>
        <translation>顯示全部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="142"/>
        <source>Explanations and captions from the language model appear here.</source>
        <translation>語言模型的說明和圖說會顯示在這裡。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/images_page.py" line="153"/>
        <source>Showing the %n image(s) of one step</source>
        <translation>
            <numerusform>正在顯示某個步驟的 %n 張圖片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/images_page.py" line="189"/>
        <source>%n image(s) selected</source>
        <translation>
            <numerusform>已選取 %n 張圖片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="189"/>
        <source>Select an image to see its brand check.</source>
        <translation>選一張圖片即可查看它的品牌檢查結果。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="194"/>
        <source>No brand check yet: the project has no rules, or the check is still running.</source>
        <translation>尚無品牌檢查結果：專案還沒有規範，或檢查仍在進行中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="201"/>
        <source>Passes the brand rules</source>
        <translation>符合品牌規範</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/images_page.py" line="201"/>
        <source>Fails the brand rules</source>
        <translation>不符合品牌規範</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../desktop/ui/workflow/project_list_model.py" line="43"/>
        <source>%1 images in %2 batches · changed %3</source>
        <translation>%2 個批次共 %1 張圖片 · 更新於 %3</translation>
    </message>
</context>
<context>
    <name>ProjectOverviewView</name>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="94"/>
        <source>Make a batch with a preset</source>
        <translation>以風格預設建立批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="95"/>
        <source>Preset:</source>
        <translation>風格預設：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="96"/>
        <source>Provider:</source>
        <translation>供應商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="97"/>
        <source>Prompts:</source>
        <translation>提示詞：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="98"/>
        <source>Sizes:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="99"/>
        <source>Images per prompt and size:</source>
        <translation>每個提示詞與尺寸的張數：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="100"/>
        <source>One prompt per line</source>
        <translation>每行一個提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="101"/>
        <source>Queue batch</source>
        <translation>加入佇列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="102"/>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="103"/>
        <source>Score consistency</source>
        <translation>計算一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="104"/>
        <source>Compare the project&apos;s images: palette, structure and, if installed, CLIP</source>
        <translation>比較專案內的圖片：色盤、構圖，以及（若已安裝）CLIP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="130"/>
        <source>No project selected</source>
        <translation>尚未選擇專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="132"/>
        <source>Create a project from a template to begin.</source>
        <translation>從範本建立專案即可開始。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/overview_page.py" line="134"/>
        <source>%1 images in %n batch(es)</source>
        <translation>
            <numerusform>%n 個批次共 %1 張圖片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="140"/>
        <source>Not scored yet</source>
        <translation>尚未計算</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/overview_page.py" line="144"/>
        <source>%1 / 100 over %2 images · %n outlier(s)</source>
        <translation>
            <numerusform>%1 / 100（共 %2 張圖片）· %n 張離群</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="147"/>
        <source>Measured by: %1</source>
        <translation>評估依據：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="149"/>
        <source>CLIP similarity was not used: CLIP is installed but could not be loaded.</source>
        <translation>未使用 CLIP 相似度：已安裝 CLIP，但無法載入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/overview_page.py" line="151"/>
        <source>CLIP similarity was not used: the optional CLIP extra is not installed.</source>
        <translation>未使用 CLIP 相似度：尚未安裝選用的 CLIP 套件。</translation>
    </message>
</context>
<context>
    <name>SuggestionsView</name>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="121"/>
        <source>Look again</source>
        <translation>重新偵測</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="122"/>
        <source>Details…</source>
        <translation>詳細資料…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="123"/>
        <source>Language model</source>
        <translation>語言模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="124"/>
        <source>Use:</source>
        <translation>使用：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="125"/>
        <source>Ollama model:</source>
        <translation>Ollama 模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="126"/>
        <source>Vision model:</source>
        <translation>視覺模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="127"/>
        <source>OpenAI model:</source>
        <translation>OpenAI 模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="128"/>
        <source>Local Ollama first, then OpenAI</source>
        <translation>本機 Ollama 優先，再用 OpenAI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="128"/>
        <source>Only local Ollama</source>
        <translation>只用本機 Ollama</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="129"/>
        <source>Only OpenAI</source>
        <translation>只用 OpenAI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="135"/>
        <source>First installed chat model</source>
        <translation>第一個已安裝的對話模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="136"/>
        <source>First installed vision model</source>
        <translation>第一個已安裝的視覺模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="137"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="138"/>
        <source>A prompt to improve, or a creative brief</source>
        <translation>要改進的提示詞，或創意簡報</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="139"/>
        <source>This is a brief</source>
        <translation>這是創意簡報</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="140"/>
        <source>Suggest</source>
        <translation>提供建議</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="141"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="142"/>
        <source>Use as prompts</source>
        <translation>用作提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="143"/>
        <source>Put the chosen suggestions in the batch&apos;s prompt box</source>
        <translation>把勾選的建議放進批次的提示詞欄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="174"/>
        <source>Looking for a language model…</source>
        <translation>正在尋找語言模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="184"/>
        <source>No language model is reachable. Start Ollama (ollama serve) or add an OpenAI key in Settings; everything else works without it.</source>
        <translation>目前連不到任何語言模型。請啟動 Ollama，或在設定中加入 OpenAI 金鑰；其他功能不受影響。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="188"/>
        <source>no vision model</source>
        <translation>沒有視覺模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="189"/>
        <source>Suggestions from %1 · images: %2</source>
        <translation>建議來自 %1 · 圖片：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/suggestions_page.py" line="222"/>
        <source>Negative prompt: %1</source>
        <translation>負面提示詞：%1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="45"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="45"/>
        <source>Who</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="45"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="45"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="46"/>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/timeline_model.py" line="64"/>
        <source>Variants of image #%1</source>
        <translation>圖片 #%1 的變體</translation>
    </message>
</context>
<context>
    <name>WorkflowActions</name>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="60"/>
        <source>Creating the project</source>
        <translation>建立專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="65"/>
        <source>Save as template</source>
        <translation>另存為範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="65"/>
        <source>Template name:</source>
        <translation>範本名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="68"/>
        <source>Saving the template</source>
        <translation>儲存範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="69"/>
        <source>Saved the template “%1”.</source>
        <translation>已儲存範本「%1」。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="72"/>
        <source>Import a project template</source>
        <translation>匯入專案範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="72"/>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="81"/>
        <source>Templates (*.json)</source>
        <translation>範本 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="74"/>
        <source>Importing the template</source>
        <translation>匯入範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="76"/>
        <source>Imported the template “%1”.</source>
        <translation>已匯入範本「%1」。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="81"/>
        <source>Export the project as a template</source>
        <translation>將專案匯出為範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="85"/>
        <source>Exporting the template</source>
        <translation>匯出範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="86"/>
        <source>Wrote %1.</source>
        <translation>已寫入 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="92"/>
        <source>Delete project</source>
        <translation>刪除專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="92"/>
        <source>Delete the project “%1”? Its images stay in the library.</source>
        <translation>要刪除專案「%1」嗎？其中的圖片會保留在圖庫中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="94"/>
        <source>Deleting the project</source>
        <translation>刪除專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="102"/>
        <source>Queueing the batch</source>
        <translation>將批次加入佇列</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="103"/>
        <source>Queued %n job(s); the results appear here and are checked as they arrive.</source>
        <translation>
            <numerusform>已加入 %n 個工作；完成的圖片會顯示在這裡，並自動檢查。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="108"/>
        <source>Queued %n variant(s) %1.</source>
        <translation>
            <numerusform>已加入 %n 個變體，%1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="112"/>
        <source>Queueing variants</source>
        <translation>將變體加入佇列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="116"/>
        <source>A consistency score needs at least two images.</source>
        <translation>計算一致性至少需要兩張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="119"/>
        <source>Scoring consistency</source>
        <translation>計算一致性</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="120"/>
        <source>Consistency %1 / 100; %n outlier(s).</source>
        <translation>
            <numerusform>一致性 %1 / 100；%n 張離群。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="127"/>
        <source>Request changes</source>
        <translation>要求修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="127"/>
        <source>Comment</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="128"/>
        <source>What and why:</source>
        <translation>內容與原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="135"/>
        <source>Recording the decision</source>
        <translation>記錄決定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="138"/>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="144"/>
        <source>Checking brand rules</source>
        <translation>檢查品牌規範</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="139"/>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="145"/>
        <source>Checked %n image(s).</source>
        <translation>
            <numerusform>已檢查 %n 張圖片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="148"/>
        <source>Export brand check results</source>
        <translation>匯出品牌檢查結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="151"/>
        <source>Export the history</source>
        <translation>匯出歷程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="156"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="159"/>
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>已寫入 %n 列到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="164"/>
        <source>Saving the preset</source>
        <translation>儲存風格預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="167"/>
        <source>Deleting the preset</source>
        <translation>刪除風格預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="170"/>
        <source>Import styles</source>
        <translation>匯入風格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="170"/>
        <source>Style files (*.csv *.json)</source>
        <translation>風格檔 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="172"/>
        <source>Importing styles</source>
        <translation>匯入風格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="173"/>
        <source>Imported %n preset(s).</source>
        <translation>
            <numerusform>已匯入 %n 個風格預設。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="176"/>
        <source>Export styles</source>
        <translation>匯出風格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="177"/>
        <source>A1111 styles (*.csv);;Fooocus styles (*.json)</source>
        <translation>A1111 風格 (*.csv);;Fooocus 風格 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="179"/>
        <source>Exporting styles</source>
        <translation>匯出風格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="180"/>
        <source>Wrote %n preset(s).</source>
        <translation>
            <numerusform>已寫入 %n 個風格預設。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="184"/>
        <source>Saving brand rules</source>
        <translation>儲存品牌規範</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="185"/>
        <source>Saved. New images are checked against these rules.</source>
        <translation>已儲存。新的圖片會依照這些規範檢查。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="191"/>
        <source>Looking for a language model</source>
        <translation>尋找語言模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="201"/>
        <source>Asking for suggestions</source>
        <translation>取得建議</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="215"/>
        <source>Explaining the brand check</source>
        <translation>說明品牌檢查結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="219"/>
        <source>Captioning the image</source>
        <translation>為圖片產生圖說</translation>
    </message>
</context>
<context>
    <name>WorkflowDecision</name>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="14"/>
        <source>Picked</source>
        <translation>已選用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="15"/>
        <source>Rejected</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="16"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="17"/>
        <source>Changes requested</source>
        <translation>要求修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="18"/>
        <source>Comment</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="19"/>
        <source>Preset changed</source>
        <translation>風格預設變更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="20"/>
        <source>Brand rules changed</source>
        <translation>品牌規範變更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="21"/>
        <source>Batch made</source>
        <translation>產生批次</translation>
    </message>
</context>
<context>
    <name>WorkflowMeasure</name>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="41"/>
        <source>colour palette (CIELAB)</source>
        <translation>色盤（CIELAB）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="42"/>
        <source>perceptual hash</source>
        <translation>感知雜湊</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="43"/>
        <source>CLIP similarity</source>
        <translation>CLIP 相似度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="45"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>WorkflowRule</name>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="25"/>
        <source>Palette</source>
        <translation>色盤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="26"/>
        <source>Aspect ratio</source>
        <translation>長寬比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="27"/>
        <source>Minimum size</source>
        <translation>最小尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="28"/>
        <source>Forbidden words</source>
        <translation>禁用字詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="29"/>
        <source>Required words</source>
        <translation>必要字詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="30"/>
        <source>Safe area</source>
        <translation>安全邊界</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="31"/>
        <source>No text</source>
        <translation>不含文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="35"/>
        <source>Pass</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="36"/>
        <source>Fail</source>
        <translation>未通過</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="37"/>
        <source>Skipped</source>
        <translation>略過</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="152"/>
        <source>Not checked: no vision model is reachable</source>
        <translation>未檢查：連不到視覺模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="153"/>
        <source>Not checked: the image file could not be read</source>
        <translation>未檢查：無法讀取圖片檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="154"/>
        <source>%1 of pixels match the palette within ΔE %2 (needs %3)</source>
        <translation>%1 的像素在色差 ΔE %2 內符合色盤（需達 %3）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="155"/>
        <source>%1 has an allowed aspect ratio (%2)</source>
        <translation>%1 的長寬比符合規範（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="156"/>
        <source>%1 has no allowed aspect ratio; nearest is %2</source>
        <translation>%1 的長寬比不在允許範圍內；最接近的是 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="157"/>
        <source>%1 is at least %2</source>
        <translation>%1 不小於 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="158"/>
        <source>%1 is smaller than %2</source>
        <translation>%1 小於 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="159"/>
        <source>The prompt uses forbidden words: %1</source>
        <translation>提示詞用到禁用字詞：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="160"/>
        <source>The prompt uses no forbidden word</source>
        <translation>提示詞沒有禁用字詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="161"/>
        <source>The prompt lacks required words: %1</source>
        <translation>提示詞缺少必要字詞：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="162"/>
        <source>The prompt has every required word</source>
        <translation>提示詞包含所有必要字詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="163"/>
        <source>Edge density in the %1 margin is %2 (at most %3)</source>
        <translation>%1 安全邊界內的細節密度為 %2（上限 %3）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="164"/>
        <source>The vision model sees text</source>
        <translation>視覺模型看到圖中有文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="165"/>
        <source>The vision model sees no text</source>
        <translation>視覺模型沒有看到文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="166"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>WorkflowTemplate</name>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="57"/>
        <source>Social media campaign</source>
        <translation>社群媒體活動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="58"/>
        <source>One campaign look across feed (1:1), portrait (4:5) and story (9:16) formats.</source>
        <translation>同一個活動視覺，套用在貼文（1:1）、直式（4:5）與限時動態（9:16）等版位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="61"/>
        <source>Product shots</source>
        <translation>商品攝影</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="62"/>
        <source>E-commerce packshots on white and lifestyle scenes, square and landscape.</source>
        <translation>電商白底商品照與情境照，正方形與橫式。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="65"/>
        <source>Storyboard frames</source>
        <translation>分鏡畫格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="66"/>
        <source>Widescreen frames in one consistent sketch style, a locked seed range so frames match.</source>
        <translation>統一草圖風格的寬螢幕畫格，固定種子範圍讓每格風格一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="69"/>
        <source>App icons</source>
        <translation>App 圖示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="70"/>
        <source>Square icons with a clear silhouette, quiet edges and no text.</source>
        <translation>輪廓清楚、邊緣乾淨、不含文字的正方形圖示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="78"/>
        <source>A launch campaign for a product or event: bold, clean visuals with room for a headline added later.</source>
        <translation>產品或活動的上市宣傳：大膽、簡潔的視覺，並保留之後放標題的空間。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="81"/>
        <source>Clean, accurate product photography for an online shop: the product is the hero, colours true to life.</source>
        <translation>網路商店用的乾淨、精準商品攝影：商品是主角，色彩忠實呈現。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="84"/>
        <source>Frames for a short film or ad: one look from shot to shot so the sequence reads as a whole.</source>
        <translation>短片或廣告的分鏡：每個鏡頭風格一致，整段讀起來是一體的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="87"/>
        <source>An app icon family: one simple symbol per icon, readable at 48 px, consistent palette.</source>
        <translation>一組 App 圖示：每個圖示一個簡單符號，在 48 px 下也清楚可辨，配色一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="89"/>
        <source>Campaign – bold clean</source>
        <translation>活動 – 大膽簡潔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="90"/>
        <source>Campaign – illustrated</source>
        <translation>活動 – 插畫風</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="91"/>
        <source>Packshot on white</source>
        <translation>白底商品照</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="92"/>
        <source>Lifestyle scene</source>
        <translation>生活情境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="93"/>
        <source>Storyboard sketch</source>
        <translation>分鏡草圖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="94"/>
        <source>Cinematic colour key</source>
        <translation>電影感色調</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="95"/>
        <source>Flat icon</source>
        <translation>扁平圖示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="96"/>
        <source>Glossy 3D icon</source>
        <translation>亮面 3D 圖示</translation>
    </message>
</context>
<context>
    <name>WorkflowVariant</name>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="48"/>
        <source>through the provider&apos;s edit endpoint</source>
        <translation>透過供應商的編輯端點產生</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="49"/>
        <source>with new seeds (this provider has no edit endpoint)</source>
        <translation>以新的種子產生（此供應商沒有編輯端點）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="50"/>
        <source>with new seeds and small prompt changes</source>
        <translation>以新的種子並微調提示詞產生</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/labels.py" line="51"/>
        <source>with small prompt changes (this model takes no seed)</source>
        <translation>以微調提示詞產生（此模型不接受種子）</translation>
    </message>
</context>
<context>
    <name>WorkflowView</name>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="157"/>
        <source>New project…</source>
        <translation>新增專案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="157"/>
        <source>Save as template…</source>
        <translation>另存為範本…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="158"/>
        <source>Import template…</source>
        <translation>匯入範本…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="158"/>
        <source>Export template…</source>
        <translation>匯出範本…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="159"/>
        <source>Delete project</source>
        <translation>刪除專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="162"/>
        <source>Overview</source>
        <translation>總覽</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="162"/>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="162"/>
        <source>Lineage</source>
        <translation>衍生關係</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="162"/>
        <source>Presets</source>
        <translation>風格預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="163"/>
        <source>Brand rules</source>
        <translation>品牌規範</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="163"/>
        <source>Suggestions</source>
        <translation>創意建議</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workflow/workflow_view.py" line="163"/>
        <source>History</source>
        <translation>歷程</translation>
    </message>
</context>
</TS>
